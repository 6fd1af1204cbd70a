// The administrator's command line, black box on both databases: init (one centre per TERYT code, a
// second centre in the same database), migrate, user add|list|passwd|disable|unlock|token with --centre,
// audit verify (exit 7 once an entry is altered behind the triggers' back), openapi; exit codes as
// the README states them (0 ok, 2 invalid input, 3 not found, 4 conflict, 7 audit chain broken).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Server, backends, binary } from './harness.mjs';

for (const backend of backends) {
  describe(`command line (${backend})`, () => {
    let url, dir, pgBase, schema;
    const cli = (args, env = {}) => {
      const r = spawnSync(binary, [...args, '--database', url], {
        env: { ...process.env, ...env }, input: '', encoding: 'utf8', timeout: 60000,
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const sql = (q) => backend === 'sqlite'
      ? execFileSync('sqlite3', [url.slice('sqlite://'.length), q]).toString().trim()
      : execFileSync('psql', [url, '-At', '-c', q]).toString().trim();

    before(() => {
      if (backend === 'sqlite') {
        dir = mkdtempSync(path.join(os.tmpdir(), 'ostoja-cli-'));
        url = `sqlite://${path.join(dir, 'cli.db')}`;
      } else {
        pgBase = process.env.OSTOJA_TEST_PG_URL;
        schema = `cli_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
        execFileSync('psql', [pgBase, '-q', '-c', `CREATE SCHEMA ${schema}`]);
        url = `${pgBase}${pgBase.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}`;
      }
    });
    after(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (schema) execFileSync('psql', [pgBase, '-q', '-c', `SET client_min_messages = warning; DROP SCHEMA ${schema} CASCADE`]);
    });

    it('migrates an empty database, then says it is up to date', () => {
      const first = cli(['migrate']);
      assert.equal(first.code, 0, first.err);
      assert.match(first.out, /Zastosowano migracje: \d+/);
      const again = cli(['migrate']);
      assert.equal(again.code, 0);
      assert.match(again.out, /Schemat jest aktualny/);
    });

    it('creates centres with their administrators, one per TERYT code', () => {
      const weak = cli(['init', '--centre-name', 'OPS Słaby', '--teryt', '0663011'], { OSTOJA_ADMIN_PASSWORD: 'krotkie' });
      assert.equal(weak.code, 2, 'a weak password is refused');
      assert.equal(sql('SELECT COUNT(*) FROM centres'), '0', 'and nothing is created');
      const badTeryt = cli(['init', '--centre-name', 'OPS', '--teryt', '12'], { OSTOJA_ADMIN_PASSWORD: 'Bardzo-Dobre-Haslo-1' });
      assert.equal(badTeryt.code, 2, badTeryt.err);
      const lublin = cli(['init', '--centre-name', 'MOPR w Lublinie', '--teryt', '0663011', '--admin-login', 'admin-lublin'],
        { OSTOJA_ADMIN_PASSWORD: 'Bardzo-Dobre-Haslo-1' });
      assert.equal(lublin.code, 0, lublin.err);
      assert.match(lublin.out, /Utworzono ośrodek MOPR w Lublinie/);
      const twice = cli(['init', '--centre-name', 'Drugi', '--teryt', '0663011', '--admin-login', 'admin-2'],
        { OSTOJA_ADMIN_PASSWORD: 'Bardzo-Dobre-Haslo-1' });
      assert.equal(twice.code, 4);
      assert.match(twice.err, /TERYT 0663011/);
      const swidnik = cli(['init', '--centre-name', 'OPS w Świdniku', '--teryt', '0617011', '--admin-login', 'admin-swidnik'],
        { OSTOJA_ADMIN_PASSWORD: 'Bardzo-Dobre-Haslo-2' });
      assert.equal(swidnik.code, 0, swidnik.err);
      assert.equal(sql('SELECT COUNT(*) FROM centres'), '2');
    });

    it('manages the users of the centre named by --centre', () => {
      const ambiguous = cli(['user', 'list']);
      assert.equal(ambiguous.code, 2);
      assert.match(ambiguous.err, /--centre/);
      assert.equal(cli(['user', 'list', '--centre', '9999999']).code, 3);
      const add = cli(['user', 'add', 'anna', '--name', 'Anna Nowak', '--role', 'pracownik', '--centre', '0617011'],
        { OSTOJA_PASSWORD: 'Haslo-Anny-2026!' });
      assert.equal(add.code, 0, add.err);
      const badRole = cli(['user', 'add', 'jan', '--name', 'Jan', '--role', 'krol', '--centre', '0617011'],
        { OSTOJA_PASSWORD: 'Haslo-Jana-2026!' });
      assert.equal(badRole.code, 2, badRole.err);
      const swidnik = cli(['user', 'list', '--centre', '0617011']);
      assert.equal(swidnik.code, 0);
      assert.match(swidnik.out, /^anna\tAnna Nowak\tpracownik$/m);
      assert.doesNotMatch(swidnik.out, /admin-lublin/, 'centres see only their own users');
      assert.doesNotMatch(cli(['user', 'list', '--centre', '0663011']).out, /anna/);
      const centreOfAnna = sql("SELECT c.teryt FROM users u JOIN centres c ON c.id = u.centre_id WHERE u.login = 'anna'");
      assert.equal(centreOfAnna, '0617011');
      // An account's own commands find its centre by the login; a --centre that does not hold it is refused.
      assert.equal(cli(['user', 'disable', 'anna', '--centre', '0663011']).code, 3);
      assert.equal(sql("SELECT disabled FROM users WHERE login = 'anna'"), '0');
      assert.equal(cli(['user', 'passwd', 'anna'], { OSTOJA_PASSWORD: 'Nowe-Haslo-Anny-1' }).code, 0);
      assert.equal(cli(['user', 'passwd', 'anna'], { OSTOJA_PASSWORD: 'abc' }).code, 2);
      assert.equal(cli(['user', 'passwd', 'nikt'], { OSTOJA_PASSWORD: 'Nowe-Haslo-Anny-1' }).code, 3);
      const token = cli(['user', 'token', 'anna', '--name', 'skrypt', '--days', '3']);
      assert.equal(token.code, 0, token.err);
      assert.match(token.out.trim(), /^\S{20,}$/);
      assert.equal(cli(['user', 'token', 'anna', '--days', '999']).code, 2);
      assert.equal(cli(['user', 'unlock', 'anna']).code, 0);
      assert.equal(cli(['user', 'disable', 'anna']).code, 0);
      assert.match(cli(['user', 'list', '--centre', '0617011']).out, /^anna\t.*\twyłączony$/m);
    });

    it('prints the OpenAPI document', () => {
      const r = cli(['openapi']);
      assert.equal(r.code, 0);
      const doc = JSON.parse(r.out);
      assert.equal(doc.openapi, '3.0.3');
      assert.ok(doc.paths['/api/v1/health'].get);
    });

    it('verifies the audit chains and exits 7 once an entry was altered', () => {
      const good = cli(['audit', 'verify']);
      assert.equal(good.code, 0, good.out + good.err);
      assert.match(good.out, /MOPR w Lublinie: poprawny/);
      assert.match(good.out, /OPS w Świdniku: poprawny/);
      // Someone with database access removes the protection and edits an entry of one centre.
      if (backend === 'sqlite') {
        sql('DROP TRIGGER audit_log_no_update');
      } else {
        sql('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      }
      sql("UPDATE audit_log SET user_login = 'ktos-inny' WHERE seq = 1 AND centre_id = (SELECT id FROM centres WHERE teryt = '0617011')");
      const bad = cli(['audit', 'verify']);
      assert.equal(bad.code, 7);
      assert.match(bad.out, /OPS w Świdniku: NARUSZONY — Wpis nr 1 został zmieniony/);
      assert.match(bad.out, /MOPR w Lublinie: poprawny/);
    });
  });
}

// The demo database is created once: a second `demo --if-empty` leaves it as it is.
describe('demo --if-empty', () => {
  it('does nothing on a database that holds a centre', async () => {
    const s = new Server('sqlite');
    await s.start({ households: 5 });
    try {
      const before = s.sql('SELECT COUNT(*) FROM households');
      const r = spawnSync(binary, ['demo', '--if-empty', '--households', '50', '--database', s.url], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /już istnieje/);
      assert.equal(s.sql('SELECT COUNT(*) FROM households'), before);
    } finally {
      await s.stop();
    }
  });
});

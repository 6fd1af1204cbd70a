// The administrator's command line, black box on both databases: init (one centre per TERYT code, a
// second centre in the same database), migrate, user add|list|passwd|disable|unlock|token with --centre,
// audit verify (exit 7 once an entry is altered behind the triggers' back), openapi; exit codes as
// the README states them (0 ok, 2 invalid input, 3 not found, 4 conflict, 7 audit chain broken).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

    it('prints each chain\'s anchor and verifies against it', () => {
      const r = cli(['audit', 'anchor']);
      assert.equal(r.code, 0, r.err);
      const lines = r.out.trim().split('\n');
      assert.equal(lines.length, 2, r.out);
      const [lublin] = lines.filter((l) => l.endsWith('MOPR w Lublinie'));
      assert.match(lublin, /^0663011:\d+:[0-9a-f]{64}\tMOPR w Lublinie$/);
      const anchor = lublin.split('\t')[0];
      const ok = cli(['audit', 'verify', '--anchor', anchor]);
      assert.equal(ok.code, 0, ok.out + ok.err);
      assert.match(ok.out, /MOPR w Lublinie: poprawny/);
      // An anchor whose hash is not the entry's: the chain was rewritten (exit 7, as for any violation).
      const [teryt, seq, hash] = anchor.split(':');
      const other = hash.replace(/^./, (ch) => (ch === '0' ? '1' : '0'));
      const forged = cli(['audit', 'verify', '--anchor', `${teryt}:${seq}:${other}`]);
      assert.equal(forged.code, 7, forged.out + forged.err);
      assert.match(forged.out, new RegExp(`MOPR w Lublinie: NARUSZONY — Wpis nr ${seq} ma inny skrót niż w punkcie kontrolnym`));
      // Malformed anchors and unknown centres are refused as input (exit 2), before anything is read.
      for (const bad of ['0663011:abc:' + hash, '0663011:5:xyz', '9999999:1:' + hash]) {
        const res = cli(['audit', 'verify', '--anchor', bad]);
        assert.equal(res.code, 2, `${bad}: ${res.out}${res.err}`);
        assert.match(res.err, /punkt|Punkt/);
      }
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

// `ostoja import persons`: every row checked first, errors by row and column, nothing written unless
// all rows are valid (exit 2), --partial writes the valid households (exit 3), a re-run changes nothing.
for (const backend of backends) {
  describe(`import persons from CSV (${backend})`, () => {
    const s = new Server(backend);
    let dir;
    before(async () => {
      await s.start({ households: 5 });
      dir = mkdtempSync(path.join(os.tmpdir(), 'ostoja-import-'));
    });
    after(async () => {
      await s.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    const header = 'household_key;relation;pesel;first_name;last_name;locality;street;building;postal_code;family_type';
    const rows = {
      a1: 'A-1;head;44051401359;Jan;Łabędzki;Lublin;Lubartowska;59;20-400;couple',
      a2: 'A-1;spouse;02270803624;Ewa;Łabędzka;;;;;',
      b1: 'B-7;head;90090515836;Piotr;Żółw;Lublin;Lubartowska;61;20-400;single',
      bad: 'B-7;head;90090515837;Piotr;Żółw;Lublin;Lubartowska;61;20-400;single',
    };
    const run = (name, lines, extra = []) => {
      const file = path.join(dir, name);
      writeFileSync(file, [header, ...lines].join('\r\n') + '\r\n');
      const r = spawnSync(binary, ['import', 'persons', file, '--source', 'stary-system', ...extra, '--database', s.url], { encoding: 'utf8' });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const count = () => s.sql("SELECT COUNT(*) FROM persons WHERE pesel IN ('44051401359', '02270803624', '90090515836')");

    it('writes nothing when a row is invalid and names the row and column', () => {
      const r = run('bad.csv', [rows.a1, rows.a2, rows.bad]);
      assert.equal(r.code, 2, r.out + r.err);
      assert.match(r.out, /wiersz 4, kolumna pesel: /);
      assert.match(r.out, /Nic nie zapisano/);
      assert.equal(count(), '0');
    });

    it('with --partial writes the valid households and reports the others', () => {
      const r = run('partial.csv', [rows.a1, rows.a2, rows.bad], ['--partial']);
      assert.equal(r.code, 3, r.out + r.err);
      assert.match(r.out, /gospodarstwa: nowe 1, już zaimportowane 0, odrzucone 1/);
      assert.equal(count(), '2');
    });

    it('imports the corrected file once: a re-run changes nothing', () => {
      const first = run('good.csv', [rows.a1, rows.a2, rows.b1]);
      assert.equal(first.code, 0, first.out + first.err);
      assert.match(first.out, /gospodarstwa: nowe 1, już zaimportowane 1, odrzucone 0/);
      assert.match(first.err, /Zapisano gospodarstw: 2 \/ 2/, 'progress on standard error');
      assert.equal(count(), '3');
      const again = run('good.csv', [rows.a1, rows.a2, rows.b1]);
      assert.equal(again.code, 0);
      assert.match(again.out, /gospodarstwa: nowe 0, już zaimportowane 2/);
      assert.equal(count(), '3');
      assert.ok(Number(s.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND purpose = 'import: stary-system'")) >= 3);
    });
  });
}

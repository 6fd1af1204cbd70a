// The `ostoja rules …` and `ostoja gmina …` command line, run as a black box with the harness's binary: the JSON
// printed, the Polish error on standard error naming the option's field, and the exit codes (0 ok, 2 invalid
// input, 3 not found, 4 conflict). The pure commands need no database; `gmina` and `rules recheck` run on a demo
// SQLite database.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { binary } from './harness.mjs';

const run = (...args) => {
  const r = spawnSync(binary, args, { encoding: 'utf8', timeout: 60000, env: { ...process.env, OSTOJA_DATABASE_URL: 'sqlite:///nonexistent-dir/x.db' } });
  let json;
  try { json = JSON.parse(r.stdout); } catch {}
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json };
};
const invalid = (r, field) => {
  assert.equal(r.code, 2, `${r.stdout} ${r.stderr}`);
  if (field) assert.match(r.stderr, new RegExp(`^błąd: .+ \\[${field}\\]$`, 'm'));
  assert.equal(r.stdout, '');
};

describe('ostoja rules (no database)', () => {
  it('criteria: the criteria in force on the day, in grosze; a day before 1.10.2012 or not a day is refused', () => {
    const r = run('rules', 'criteria', '--date', '2025-03-01');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual([r.json.single_person_grosze, r.json.per_person_grosze, r.json.max_zasilek_staly_grosze, r.json.valid_from],
      [101000, 82300, 122900, '2025-01-01']);
    assert.match(r.json.legal_basis, /Dz\.U\. 2024 poz\. 1044/);
    assert.equal(run('rules', 'criteria', '--date', '2012-10-01').json.single_person_grosze, 54200);
    invalid(run('rules', 'criteria', '--date', '2012-09-30'), 'date');
    invalid(run('rules', 'criteria', '--date', '2025-02-30'), 'date');
    invalid(run('rules', 'criteria'));  // the option is required
  });

  it('preview: zasiłek stały and okresowy with the explanation; bad input exits 2 naming the field', () => {
    const staly = run('rules', 'preview', '--date', '2025-03-01', '--benefit', 'zasilek_staly', '--household-size', '1',
      '--income-grosze', '50000');
    assert.equal(staly.code, 0, staly.stderr);
    assert.deepEqual([staly.json.eligible, staly.json.amount_grosze, staly.json.criterion_grosze], [true, 81300, 101000]);
    assert.ok(staly.json.explanation.some((l) => l.includes('art. 37')));
    const okresowy = run('rules', 'preview', '--date', '2025-03-01', '--household-size', '3', '--income-grosze', '150000');
    assert.deepEqual([okresowy.json.eligible, okresowy.json.amount_grosze], [true, 48450]);  // default benefit, 50 %
    const gmina = run('rules', 'preview', '--date', '2025-03-01', '--household-size', '3', '--income-grosze', '150000',
      '--gmina-percent', '100');
    assert.equal(gmina.json.amount_grosze, 96900);
    const atCriterion = run('rules', 'preview', '--date', '2025-03-01', '--household-size', '1', '--income-grosze', '101000');
    assert.equal(atCriterion.code, 0);
    assert.deepEqual([atCriterion.json.eligible, atCriterion.json.amount_grosze], [false, 0]);
    invalid(run('rules', 'preview', '--date', '2025-03-01', '--household-size', '0', '--income-grosze', '1'), 'household_size');
    invalid(run('rules', 'preview', '--date', '2025-03-01', '--household-size', '1', '--income-grosze', '-5'), 'income_grosze');
    invalid(run('rules', 'preview', '--date', '2025-03-01', '--benefit', 'zasilek_celowy', '--household-size', '1',
      '--income-grosze', '5'), 'benefit');
    invalid(run('rules', 'preview', '--date', '2011-03-01', '--household-size', '1', '--income-grosze', '5'), 'date');
    invalid(run('rules', 'preview', '--date', '2025-03-01', '--household-size', '1', '--income-grosze', '5',
      '--gmina-percent', '40'), 'gmina_percent');
    invalid(run('rules', 'preview', '--date', '2025-03-01', '--household-size', 'dwa', '--income-grosze', '5'));
    invalid(run('rules', 'preview', '--date', '2025-03-01', '--household-size', '1'));  // --income-grosze missing
  });

  it('validate: the verdict on an identifier (an invalid one is an answer, not an error); unknown kind exits 3', () => {
    const pesel = run('rules', 'validate', 'pesel', '44051401359');
    assert.equal(pesel.code, 0, pesel.stderr);
    assert.deepEqual(pesel.json, { valid: true, birth_date: '1944-05-14', sex: 'M', error: null, normalized: '44051401359' });
    const bad = run('rules', 'validate', 'pesel', '44051401358');
    assert.equal(bad.code, 0);
    assert.equal(bad.json.valid, false);
    assert.match(bad.json.error, /PESEL/);
    assert.equal(run('rules', 'validate', 'iban', 'PL61 1090 1014 0000 0712 1981 2874').json.valid, true);
    assert.equal(run('rules', 'validate', 'postal-code', '20112').json.valid, false);
    assert.equal(run('rules', 'validate', 'teryt', '0663011').json.normalized, '0663011');
    const unknown = run('rules', 'validate', 'dowod', 'ABC123456');
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /^błąd: Nieznany rodzaj identyfikatora/m);
    invalid(run('rules', 'validate', 'nip', '1'.repeat(65)), 'value');
    invalid(run('rules', 'validate', 'pesel'));  // the value is required
  });

  it('working-days: the deadline across holidays; bad days or dates exit 2', () => {
    const r = run('rules', 'working-days', '--from', '2025-12-19', '--days', '3');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.json, { from: '2025-12-19', days: 3, deadline: '2025-12-29' });
    assert.equal(run('rules', 'working-days', '--from', '2025-11-07', '--days', '14').json.deadline, '2025-11-28');
    invalid(run('rules', 'working-days', '--from', '2025-12-19', '--days', '-1'), 'days');
    invalid(run('rules', 'working-days', '--from', '2025-12-19', '--days', 'trzy'), 'days');
    invalid(run('rules', 'working-days', '--from', '2025-13-01', '--days', '1'), 'from');
    invalid(run('rules', 'working-days', '--from', '1999-12-31', '--days', '1'), 'from');
  });

  it('an unknown subcommand is invalid input', () => {
    invalid(run('rules', 'zasilki'));
  });
});

describe('ostoja gmina and rules recheck (demo SQLite database)', () => {
  let dir, url;
  const db = (...args) => {
    const r = spawnSync(binary, [...args, '--database', url], { encoding: 'utf8', timeout: 60000 });
    let json;
    try { json = JSON.parse(r.stdout); } catch {}
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, json };
  };
  const sql = (q) => execFileSync('sqlite3', [url.slice('sqlite://'.length), q]).toString().trim();
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ostoja-cli-'));
    url = `sqlite://${path.join(dir, 'cli.db')}`;
    execFileSync(binary, ['demo', '--database', url, '--households', '30', '--seed', '3'], { stdio: 'pipe', timeout: 120000 });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gmina add, list and end, with bad input (2), overlaps (4) and unknown ids (3)', () => {
    const add = db('gmina', 'add', '--kind', 'zasilek_okresowy_percent', '--from', '2025-01-01', '--percent', '60',
      '--resolution', 'uchwała nr I/1/2024');
    assert.equal(add.code, 0, add.stderr);
    const id = Number(/id (\d+)/.exec(add.stdout)[1]);
    assert.equal(db('gmina', 'add', '--kind', 'zasilek_okresowy_percent', '--from', '2026-01-01', '--percent', '75',
      '--resolution', 'uchwała nr X/2/2025').code, 0);
    assert.equal(db('gmina', 'add', '--kind', 'zasilek_celowy_max', '--from', '2025-01-01', '--amount-grosze', '60000',
      '--resolution', 'uchwała nr I/3/2024').code, 0);
    const list = db('gmina', 'list', '--date', '2025-06-01');
    assert.equal(list.code, 0, list.stderr);
    const lines = list.stdout.trim().split('\n').map((l) => l.split('\t'));
    assert.equal(lines.length, 3);
    const first = lines.find((l) => Number(l[0]) === id);
    assert.deepEqual(first.slice(1, 5), ['zasilek_okresowy_percent', '2025-01-01', '2025-12-31', '60 %']);
    assert.equal(first[6], 'obowiązuje');
    assert.ok(lines.some((l) => l[4] === '600,00 zł' && l[6] === 'obowiązuje'));

    invalid(db('gmina', 'add', '--kind', 'zasilek_okresowy_percent', '--from', '2027-01-01', '--percent', '45',
      '--resolution', 'uchwała nr 5'), 'percent');
    invalid(db('gmina', 'add', '--kind', 'zasilek_okresowy_percent', '--from', '2027-01-01', '--percent', '60'));  // no --resolution
    const overlap = db('gmina', 'add', '--kind', 'zasilek_okresowy_percent', '--from', '2025-03-01', '--to', '2025-04-30',
      '--percent', '80', '--resolution', 'uchwała nr 6');
    assert.equal(overlap.code, 4, overlap.stderr);
    assert.match(overlap.stderr, /uchwała nr I\/1\/2024/);
    assert.equal(db('gmina', 'end', '999999', '--to', '2026-01-01').code, 3);
    invalid(db('gmina', 'end', String(id), '--to', '2024-12-31'), 'valid_to');
    assert.equal(sql('SELECT COUNT(*) FROM gmina_resolutions'), '3');
    const ended = db('gmina', 'end', String(id), '--to', '2025-06-30');
    assert.equal(ended.code, 0, ended.stderr);
    assert.match(ended.stdout, /do 2025-06-30/);
  });

  it('rules recheck counts the households with income before and after a change of criteria', () => {
    // a single-person household's income of December 2024: 700 zł (below 776 zł and below 1 010 zł)
    const [household, person] = sql(
      "SELECT m.household_id, m.person_id FROM household_members m WHERE m.until IS NULL AND m.relation = 'head' " +
      "AND m.since <= '2024-12-01' AND (SELECT COUNT(*) FROM household_members x WHERE x.household_id = m.household_id " +
      "AND x.since <= '2025-01-01' AND (x.until IS NULL OR x.until >= '2025-01-01')) = 1 ORDER BY m.household_id LIMIT 1")
      .split('|').map(Number);
    assert.ok(household, 'the demo has a single-person household');
    sql(`INSERT INTO income_items (centre_id, household_id, person_id, month, type, amount_grosze, created_at) ` +
      `SELECT centre_id, ${household}, ${person}, '2024-12', 'wynagrodzenie', 70000, 0 FROM households WHERE id = ${household}`);
    const r = db('rules', 'recheck', '--date', '2025-01-01');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual([r.json.date, r.json.before, r.json.month, r.json.households, r.json.skipped],
      ['2025-01-01', '2024-12-31', '2024-12', 1, 0]);
    assert.deepEqual(r.json.forms.map((f) => [f.form, f.eligible_before, f.eligible_after, f.amount_changed]),
      [['zasilek_staly', 1, 1, 1], ['zasilek_okresowy', 1, 1, 1]]);
    assert.equal(db('rules', 'recheck', '--date', '2025-01-01', '--month', '2023-12').json.households, 0);
    invalid(db('rules', 'recheck', '--date', '2025-01-32'), 'date');
    invalid(db('rules', 'recheck', '--date', '2025-01-01', '--month', '12.2024'), 'month');
    assert.equal(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'recheck'"), '2');
  });
});

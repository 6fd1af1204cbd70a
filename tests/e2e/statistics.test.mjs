// Statystyka: records made through the API (counselling on three days, a child's meals, a sheltered flat with a
// resident, a care-home placement) appear in the report table in the seed 003 layout; the period is chosen with the
// keyboard (year, quarter) and the quarter shows only what was given in it; the page passes the a11y check at 1280
// and 320 px; partner and pracownik have no such page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, checkReflow, launchBrowser, login, newPage, shot } from './browser.mjs';
import { api, findHouseholds, headOf, text } from './fixtures.mjs';

const YEAR = new Date().getUTCFullYear();
const day = (m, d) => `${YEAR}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

/** The value in the report row whose indicator is `indicator` (exact text). */
async function value(page, indicator) {
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: indicator, exact: true }) });
  return text(row.getByRole('cell').last());
}

test('analityk widzi statystykę w układzie sprawozdania i wybiera okres z klawiatury', async () => {
  // Records: pracownik of section 1 for one of her households; the flat is registered by the director.
  const worker = await newPage(browser, server.baseUrl);
  await login(worker, 'pracownik');
  const { own } = await findHouseholds(worker);
  const head = headOf(own);
  const child = own.members.find((m) => m.person.id !== head.person.id);
  const director = await newPage(browser, server.baseUrl);
  await login(director, 'dyrektor');
  // The flat enters the register on Organizacja: no places is caught at the field, then it is added.
  await director.goto('/organizacja');
  const flatForm = director.getByRole('form', { name: 'Dodaj mieszkanie chronione' });
  await flatForm.getByLabel('Numer lub nazwa').fill('E2E-1');
  await flatForm.getByLabel('Prowadzone od').fill(day(1, 1));
  await flatForm.getByRole('button', { name: 'Dodaj mieszkanie' }).click();
  await flatForm.locator('.error-summary').filter({ hasText: 'Liczba miejsc: od 1 do 50.' }).waitFor();
  await flatForm.getByLabel('Liczba miejsc').fill('2');
  await flatForm.getByRole('button', { name: 'Dodaj mieszkanie' }).click();
  await director.getByRole('status').filter({ hasText: 'Dodano mieszkanie chronione „E2E-1”.' }).waitFor();
  await director.getByRole('region', { name: /^Mieszkania chronione \(/ }).getByRole('row').filter({ hasText: 'E2E-1' }).waitFor();
  assert.equal(await flatForm.locator('.error-summary').count(), 0);  // the earlier error is gone with the success
  await checkA11y(director, 'organizacja – mieszkania chronione');
  await shot(director, 'c3-rejestr-mieszkan');
  const flat = { json: (await api.get(director, '/api/v1/sheltered-flats')).json.items.find((f) => f.name === 'E2E-1') };
  assert.equal(flat.json.places, 2);
  const post = async (body) => {
    const r = await api.post(worker, `/api/v1/households/${own.id}/services`, body);
    assert.equal(r.status, 201, JSON.stringify(r.json));
  };
  await post({ kind: 'poradnictwo', subtype: 'prawne', person_id: head.person.id, date_from: day(2, 1), date_to: day(4, 30),
    deliveries: [{ on_date: day(2, 5), quantity: 1 }, { on_date: day(3, 5), quantity: 2 }, { on_date: day(4, 5), quantity: 4 }] });
  await post({ kind: 'mieszkanie_chronione', person_id: head.person.id, flat_id: flat.json.id, date_from: day(2, 1), date_to: day(5, 31) });
  await post({ kind: 'dps', person_id: child.person.id, place: 'DPS „Kalina”', date_from: day(4, 1), date_to: day(4, 30),
    cost_grosze: 500000, resident_fee_grosze: 0, family_fee_grosze: 100000 });
  await worker.context().close();
  await director.context().close();

  const page = await newPage(browser, server.baseUrl);
  await login(page, 'analityk');
  const nav = page.getByRole('navigation', { name: 'Menu główne' });
  await nav.getByRole('link', { name: 'Statystyka' }).click();
  await page.getByRole('heading', { level: 1, name: 'Statystyka' }).waitFor();
  const report = page.getByRole('region', { name: new RegExp(`^Wskaźniki za okres 01\\.01\\.${YEAR} – 31\\.12\\.${YEAR}`) });
  await report.waitFor();
  const year = (await api.get(page, `/api/v1/statistics/assistance?from=${day(1, 1)}&to=${day(12, 31)}`)).json;
  // The table reads as the report: task, indicator, value — and the values are the API's.
  assert.equal(await value(page, 'Liczba osób korzystających ze specjalistycznego poradnictwa'), String(year.counselling.persons));
  assert.equal(await value(page, '— w tym prawnych'), String(year.counselling.consultations.prawne));
  assert.ok(year.counselling.consultations.prawne >= 7);
  assert.equal(await value(page, 'Liczba mieszkań'), String(year.sheltered.flats));
  assert.equal(await value(page, 'Liczba osób w mieszkaniach chronionych'), String(year.sheltered.persons));
  assert.equal(await value(page, 'Liczba rodzin objętych pracą socjalną'), String(year.social_work.families));
  assert.match(await value(page, 'Opłaty gminy za pobyt (art. 61 ust. 2 pkt 3)'), /\d,\d\d zł$/);
  assert.ok(year.care_homes.gmina_fee_grosze >= 400000);
  const task = report.getByRole('rowheader', { name: 'Specjalistyczne poradnictwo' });
  assert.equal(await task.getAttribute('scope'), 'rowgroup');
  await checkA11y(page, 'statystyka – rok');
  await shot(page, 'c0-statystyka-rok');

  // The first quarter, with the keyboard only: choose, then Enter on „Pokaż”.
  await page.getByLabel('Okres', { exact: true }).focus();
  await page.getByLabel('Okres', { exact: true }).selectOption('k1');
  await page.getByRole('button', { name: 'Pokaż' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: new RegExp(`^Wskaźniki za okres 01\\.01\\.${YEAR} – 31\\.03\\.${YEAR} \\(I kwartał`) }).waitFor();
  assert.match(page.url(), /\?rok=\d{4}&okres=k1$/);
  const q1 = (await api.get(page, `/api/v1/statistics/assistance?from=${day(1, 1)}&to=${day(3, 31)}`)).json;
  assert.equal(await value(page, '— w tym prawnych'), String(q1.counselling.consultations.prawne));
  assert.equal(year.counselling.consultations.prawne - q1.counselling.consultations.prawne >= 4, true);  // April's 4
  assert.equal(await value(page, 'Liczba mieszkańców skierowanych przez ośrodek'), String(q1.care_homes.residents));
  await checkA11y(page, 'statystyka – kwartał');
  await shot(page, 'c1-statystyka-kwartal');
  // The period survives a reload (kept in the address).
  await page.reload();
  await page.getByRole('region', { name: /\(I kwartał/ }).waitFor();
  assert.equal(await page.getByLabel('Okres', { exact: true }).inputValue(), 'k1');

  await page.setViewportSize({ width: 320, height: 800 });
  await checkReflow(page, [['/statystyka', 'c2-waski-statystyka']]);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('partner i pracownik nie mają statystyki', async () => {
  for (const role of ['partner', 'pracownik']) {
    const page = await newPage(browser, server.baseUrl);
    await login(page, role);
    assert.ok(!(await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link').allInnerTexts()).includes('Statystyka'));
    await page.goto('/statystyka');
    await page.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
    await page.context().close();
  }
});

// Uchwały gminy: dyrektor opens the page from the menu, a percent below 50 is refused by the server at the field with
// nothing saved (checked through the API), a 70 % resolution and a limit of zasiłek celowy are saved and shown as in
// force, ending a resolution before its start is refused at the date; pracownik reads the page without the forms and
// her household's income page applies the 70 % and lists every form of help (non-cash ones folded); asystent has no
// such page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, launchBrowser, login, newPage, shot } from './browser.mjs';
import { TODAY, api, findHouseholds, headOf, text } from './fixtures.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const nav = (page) => page.getByRole('navigation', { name: 'Menu główne' });
const previousMonth = (iso) => {
  const [y, m] = iso.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

test('dyrektor zapisuje uchwały gminy; procent poniżej 50 jest odrzucany', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'dyrektor');
  await nav(page).getByRole('link', { name: 'Uchwały gminy' }).click();
  await page.getByRole('heading', { level: 1, name: 'Uchwały gminy' }).waitFor();
  assert.match(await text(page.getByRole('region', { name: /^Obowiązujące w dniu/ })), /50 % różnicy — minimum ustawowe/);

  const form = page.getByRole('form', { name: 'Dodaj uchwałę' });
  await form.getByLabel('Rodzaj uchwały').selectOption('zasilek_okresowy_percent');
  await form.getByLabel('Obowiązuje od').fill('2025-01-01');
  await form.getByLabel('Procent różnicy').fill('45');
  await form.getByLabel(/^Uchwała/).fill('uchwała nr IV/12/2024 Rady Miasta Lublin z dnia 12 grudnia 2024 r.');
  await form.getByRole('button', { name: 'Zapisz uchwałę' }).click();
  await form.locator('.error-summary').filter({ hasText: 'od 50 do 100' }).waitFor();
  assert.equal(await form.getByLabel('Procent różnicy').getAttribute('aria-invalid'), 'true');
  assert.equal((await api.get(page, '/api/v1/gmina/resolutions')).json.items.length, 0, 'nothing saved');
  await checkA11y(page, 'uchwały gminy – błąd');

  await form.getByLabel('Procent różnicy').fill('70');
  await form.getByRole('button', { name: 'Zapisz uchwałę' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: 'Zapisano uchwałę: Procent zasiłku okresowego od 01.01.2025' }).waitFor();

  const again = page.getByRole('form', { name: 'Dodaj uchwałę' });
  await again.getByLabel('Rodzaj uchwały').selectOption('zasilek_celowy_max');
  assert.equal(await again.getByLabel('Procent różnicy').isVisible(), false);
  await again.getByLabel('Obowiązuje od').fill('2025-01-01');
  await again.getByLabel('Najwyższa kwota jednej decyzji (zł)').fill('1 500,00');
  await again.getByLabel(/^Uchwała/).fill('uchwała nr IV/13/2024 Rady Miasta Lublin');
  await again.getByRole('button', { name: 'Zapisz uchwałę' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: 'Najwyższa kwota zasiłku celowego' }).waitFor();

  const inForce = await text(page.getByRole('region', { name: /^Obowiązujące w dniu/ }));
  assert.match(inForce, /Zasiłek okresowy 70 % różnicy — uchwała nr IV\/12\/2024/);
  assert.match(inForce, /1 500,00 zł — uchwała nr IV\/13\/2024/);
  const rows = page.getByRole('table', { name: /^Uchwały gminy/ }).getByRole('row');
  assert.equal(await rows.count(), 3);  // header + two
  assert.match(await text(rows.nth(1)), /Obowiązuje$/);

  // a resolution cannot end before it begins: the server's message at the date, nothing changed
  const end = page.getByRole('form', { name: 'Zakończ obowiązywanie uchwały' });
  const celowyId = (await api.get(page, '/api/v1/gmina/resolutions')).json.items.find((r) => r.kind === 'zasilek_celowy_max').id;
  await end.getByLabel('Uchwała', { exact: true }).selectOption(String(celowyId));
  await end.getByLabel('Ostatni dzień obowiązywania').fill('2024-12-31');
  await end.getByRole('button', { name: 'Zakończ obowiązywanie' }).click();
  await end.locator('.error-summary').filter({ hasText: 'Koniec obowiązywania nie może być przed jego początkiem' }).waitFor();
  assert.equal(await end.getByLabel('Ostatni dzień obowiązywania').getAttribute('aria-invalid'), 'true');
  assert.ok((await api.get(page, '/api/v1/gmina/resolutions')).json.items.every((r) => r.valid_to === null));
  await checkA11y(page, 'uchwały gminy');
  await shot(page, 'g1-uchwaly-gminy');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('pracownik widzi uchwały bez formularzy, a ocena dochodu stosuje 70 % i obejmuje każdą formę pomocy', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  await nav(page).getByRole('link', { name: 'Uchwały gminy' }).click();
  await page.getByRole('heading', { level: 1, name: 'Uchwały gminy' }).waitFor();
  assert.equal(await page.getByRole('form', { name: 'Dodaj uchwałę' }).count(), 0);
  assert.equal(await page.getByRole('form', { name: 'Zakończ obowiązywanie uchwały' }).count(), 0);
  assert.match(await text(page.getByRole('region', { name: /^Obowiązujące w dniu/ })), /70 % różnicy/);

  const { own: household } = await findHouseholds(page);
  const month = previousMonth(TODAY);
  const added = await api.post(page, `/api/v1/households/${household.id}/income-items`,
    { person_id: headOf(household).person.id, type: 'wynagrodzenie', month, amount_grosze: 30000 });
  assert.equal(added.status, 201);
  await page.goto(`/srodowiska/${household.id}/dochod?miesiac=${month}&dzien=${TODAY}`);
  const region = page.getByRole('region', { name: /^Uprawnienie do pomocy na dzień/ });
  await region.waitFor();
  const okresowy = region.locator('.eligibility').filter({ has: page.getByRole('heading', { name: /^zasiłek okresowy/ }) });
  assert.match(await text(okresowy), /Przysługuje/);
  assert.match(await text(okresowy), /Gmina ustaliła 70 % różnicy \(uchwała nr IV\/12\/2024/);
  const celowy = region.locator('.eligibility').filter({ has: page.getByRole('heading', { name: /^zasiłek celowy/ }) });
  assert.match(await text(celowy), /Najwyżej w jednej decyzji: 1 500,00 zł/);
  const more = region.locator('details');
  assert.equal(await more.locator('.eligibility').first().isVisible(), false);
  await more.locator('summary').click();
  const counselling = more.locator('.eligibility').filter({ has: page.getByRole('heading', { name: /^poradnictwo specjalistyczne/ }) });
  assert.match(await text(counselling), /Dochód nie decyduje.*art\. 46 ust\. 1/);
  await checkA11y(page, 'dochód – uprawnienie do każdej formy pomocy');
  await shot(page, 'g2-dochod-uprawnienia');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('asystent nie ma uchwał gminy', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'asystent');
  assert.equal(await nav(page).getByRole('link', { name: 'Uchwały gminy' }).count(), 0);
  await page.goto('/uchwaly-gminy');
  await page.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
  assert.equal((await api.get(page, '/api/v1/gmina/resolutions')).status, 403);
  await page.context().close();
});

// Decision templates: dyrektor opens „Szablony decyzji” from the menu, sees the fields a text may use, an unknown field
// is refused by the server at the text and nothing changes (checked through the API), a valid edit is saved; pracownik
// has no such menu entry and gets „Brak dostępu”.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, launchBrowser, login, newPage, shot } from './browser.mjs';
import { api } from './fixtures.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const nav = (page) => page.getByRole('navigation', { name: 'Menu główne' });

test('dyrektor zmienia szablon podpisu; nieznane pole jest odrzucane', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'dyrektor');
  await nav(page).getByRole('link', { name: 'Szablony decyzji' }).click();
  await page.getByRole('heading', { level: 1, name: 'Szablony decyzji' }).waitFor();
  assert.match(await page.getByRole('region', { name: 'Dozwolone pola' }).innerText(), /\{\{wszczecie\}\}/);
  const before = (await api.get(page, '/api/v1/decision-templates')).json.templates.signatory_title;

  const form = page.getByRole('form', { name: 'Szablon: Podpis (stanowisko)' });
  await form.getByLabel(/^Treść/).fill('z up. Dyrektora {{pesel}}');
  await form.getByRole('button', { name: 'Zapisz szablon' }).click();
  await form.locator('.error-summary').filter({ hasText: 'Nieznane pole „{{pesel}}”' }).waitFor();
  assert.equal(await form.getByLabel(/^Treść/).getAttribute('aria-invalid'), 'true');
  assert.equal((await api.get(page, '/api/v1/decision-templates')).json.templates.signatory_title, before);
  await shot(page, 'b5-szablon-blad');

  await form.getByLabel(/^Treść/).fill('z up. Dyrektora\nZastępca Dyrektora {{osrodek}}');
  await form.getByRole('button', { name: 'Zapisz szablon' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: 'Zapisano szablon: Podpis (stanowisko).' }).waitFor();
  assert.equal((await api.get(page, '/api/v1/decision-templates')).json.templates.signatory_title,
    'z up. Dyrektora\nZastępca Dyrektora {{osrodek}}');
  await checkA11y(page, 'szablony decyzji');
  await shot(page, 'b6-szablony');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('pracownik nie ma szablonów decyzji', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  assert.equal(await nav(page).getByRole('link', { name: 'Szablony decyzji' }).count(), 0);
  await page.goto('/szablony-decyzji');
  await page.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
  assert.equal((await api.get(page, '/api/v1/decision-templates')).status, 403);
  await page.context().close();
});

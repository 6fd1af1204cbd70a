// Logging in and out: success, wrong password, keyboard-only use, locked account, logout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, focusedText, launchBrowser, login, newPage, shot } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('logowanie poprawnymi danymi prowadzi na pulpit', async () => {
  const page = await newPage(browser, server.baseUrl);
  await page.goto('/');
  await page.waitForURL('**/logowanie');
  await page.getByRole('heading', { level: 1, name: 'Logowanie' }).waitFor();
  await checkA11y(page, 'logowanie');
  await shot(page, '01-logowanie');
  await login(page, 'admin');
  await page.getByRole('heading', { level: 1, name: /Dzień dobry/ }).waitFor();
  assert.match(await page.title(), /Ostoja/);
  await page.getByRole('heading', { name: 'Twoje konto' }).waitFor();
  assert.match(await page.locator('.summary-list').innerText(), /Administrator/);
  await checkA11y(page, 'pulpit');
  await shot(page, '02-pulpit-admin');
  await page.context().close();
});

test('złe hasło: komunikat z API, powiązany z formularzem i ogłaszany', async () => {
  const page = await newPage(browser, server.baseUrl);
  await page.goto('/logowanie');
  await page.getByLabel('Login', { exact: true }).fill('admin');
  await page.getByLabel('Hasło', { exact: true }).fill('zle-haslo');
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Nieprawidłowy login lub hasło/);
  // The summary takes focus so screen readers read it at once.
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  assert.equal(await page.getByLabel('Hasło', { exact: true }).inputValue(), '');
  await checkA11y(page, 'logowanie z błędem');
  await shot(page, '03-logowanie-blad');

  // Empty fields are validated in the browser, each message tied to its field.
  await page.getByLabel('Login', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  const loginInput = page.getByLabel('Login', { exact: true });
  assert.equal(await loginInput.getAttribute('aria-invalid'), 'true');
  const describedBy = await loginInput.getAttribute('aria-describedby');
  assert.match(await page.locator(`#${describedBy.split(' ').pop()}`).innerText(), /Wpisz login/);
  await page.context().close();
});

test('logowanie samą klawiaturą (Tab, Enter), fokus na nagłówku po przejściu', async () => {
  const page = await newPage(browser, server.baseUrl);
  await page.goto('/logowanie');
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The first Tab reaches the skip link.
  await page.keyboard.press('Tab');
  assert.equal(await focusedText(page), 'a:Przejdź do treści głównej');
  let tabs = 1;
  while (!(await page.evaluate(() => document.activeElement?.getAttribute('name') === 'login'))) {
    await page.keyboard.press('Tab');
    assert.ok(++tabs < 10, 'login field not reachable with Tab');
  }
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'password');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /Dzień dobry/ }).waitFor();
  assert.match(await focusedText(page), /^h1:Dzień dobry/);

  // Navigate with the keyboard: Tab to "Sekcje" in the menu, Enter; focus lands on the new h1.
  tabs = 0;
  while ((await focusedText(page)) !== 'a:Sekcje') {
    await page.keyboard.press('Tab');
    assert.ok(++tabs < 30, 'menu link "Sekcje" not reachable with Tab');
  }
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Sekcje pracy socjalnej' }).waitFor();
  assert.equal(await focusedText(page), 'h1:Sekcje pracy socjalnej');
  await page.context().close();
});

test('wylogowanie usuwa sesję', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  await page.getByRole('button', { name: 'Wyloguj się' }).click();
  await page.waitForURL('**/logowanie?wylogowano=1');
  await page.getByText('Wylogowano.').waitFor();
  await shot(page, '04-wylogowano');
  await page.goto('/sekcje');
  await page.waitForURL('**/logowanie?powrot=%2Fsekcje');
  const me = await page.request.get('/api/v1/me');
  assert.equal(me.status(), 401);
  // After logging in again the user returns to the page they asked for.
  await page.getByLabel('Login', { exact: true }).fill('pracownik');
  await page.getByLabel('Hasło', { exact: true }).fill('demo');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Sekcje pracy socjalnej' }).waitFor();
  await page.context().close();
});

test('wygasła sesja: przejście na logowanie z komunikatem i powrót na tę samą stronę', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'kierownik');
  await page.context().clearCookies();
  await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Terytorium' }).click();
  await page.waitForURL(/\/logowanie\?powrot=%2Fterytorium&wygasla=1$/);
  await page.getByText('Sesja wygasła.').waitFor();
  await page.getByLabel('Login', { exact: true }).fill('kierownik');
  await page.getByLabel('Hasło', { exact: true }).fill('demo');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Terytorium' }).waitFor();
  await page.context().close();
});

test('zablokowane konto: komunikat o blokadzie', async () => {
  const page = await newPage(browser, server.baseUrl);
  await page.goto('/logowanie');
  let text = '';
  for (let attempt = 0; attempt < 12 && !/zablokowane/i.test(text); attempt++) {
    await page.getByLabel('Login', { exact: true }).fill('partner');
    await page.getByLabel('Hasło', { exact: true }).fill(`zle-${attempt}`);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.locator('.error-summary').waitFor();
    await page.waitForFunction(() => !document.querySelector('button[type=submit]')?.disabled);
    text = await page.locator('.error-summary').innerText();
  }
  assert.match(text, /zablokowane/i);
  await shot(page, '05-konto-zablokowane');
  await page.context().close();
});

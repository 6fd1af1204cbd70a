// Role-aware navigation, "Brak dostępu", "Nie znaleziono strony", error states, and an a11y sweep of every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, checkReflow, focusedText, launchBrowser, login, newPage, shot } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const navLinks = (page) => page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link').allInnerTexts();

test('administrator widzi Użytkowników i Dziennik audytu', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'admin');
  const links = await navLinks(page);
  for (const name of ['Pulpit', 'Organizacja', 'Sekcje', 'Terytorium', 'Użytkownicy', 'Dziennik audytu', 'Tokeny API']) {
    assert.ok(links.includes(name), `admin should see "${name}" in ${links}`);
  }
  await page.context().close();
});

test('pracownik nie widzi Użytkowników; wejście wprost pokazuje „Brak dostępu”', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  const links = await navLinks(page);
  assert.ok(!links.includes('Użytkownicy'), `pracownik must not see Użytkownicy: ${links}`);
  assert.ok(!links.includes('Dziennik audytu'), `pracownik must not see the audit log: ${links}`);
  assert.ok(links.includes('Sekcje'));
  assert.ok(links.includes('Moje zadania'), `pracownik starts with her tasks: ${links}`);
  await page.getByRole('heading', { level: 1, name: 'Moje zadania' }).waitFor();
  await page.goto('/pulpit');
  await page.getByRole('heading', { level: 1, name: /Dzień dobry/ }).waitFor();
  await shot(page, '10-pulpit-pracownik');
  await page.goto('/uzytkownicy');
  await page.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
  await checkA11y(page, 'brak dostępu');
  await shot(page, '11-brak-dostepu');
  await page.goto('/audyt');
  await page.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
  // The server agrees: the API itself refuses.
  assert.equal((await page.request.get('/api/v1/users')).status(), 403);
  await page.context().close();
});

test('nieznany adres pokazuje „Nie znaleziono strony”', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'admin');
  await page.goto('/nie-ma-takiej-strony');
  await page.getByRole('heading', { level: 1, name: 'Nie znaleziono strony' }).waitFor();
  await checkA11y(page, '404');
  await shot(page, '12-nie-znaleziono');
  await page.goto('/sekcje/999999');
  await page.getByRole('heading', { level: 1, name: 'Nie znaleziono strony' }).waitFor();
  await page.context().close();
});

test('stany błędów: 403 z API, błąd serwera, brak sieci', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'admin');
  await page.route('**/api/v1/units', (route) => route.fulfill({
    status: 403, contentType: 'application/json', body: JSON.stringify({ error: { code: 'forbidden', message: 'Brak uprawnień.', field: '' } }),
  }));
  await page.goto('/organizacja');
  await page.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();

  await page.unroute('**/api/v1/units');
  await page.route('**/api/v1/units', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }));
  await page.goto('/organizacja');
  await page.getByRole('alert').filter({ hasText: 'Błąd serwera' }).waitFor();
  await checkA11y(page, 'błąd serwera');
  await shot(page, '13-blad-serwera');

  await page.unroute('**/api/v1/units');
  await page.route('**/api/v1/units', (route) => route.abort('connectionrefused'));
  await page.goto('/organizacja');
  await page.getByRole('alert').filter({ hasText: 'Brak połączenia z serwerem' }).waitFor();
  // "Spróbuj ponownie" recovers once the network is back.
  await page.unroute('**/api/v1/units');
  await page.getByRole('button', { name: 'Spróbuj ponownie' }).click();
  await page.getByRole('heading', { name: 'Struktura organizacyjna' }).waitFor();
  await page.context().close();
});

test('każda strona administratora: fokus na h1, dostępność, zrzut ekranu', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'admin');
  const pages = [
    ['Organizacja', 'Organizacja ośrodka', '20-organizacja'],
    ['Sekcje', 'Sekcje pracy socjalnej', '21-sekcje'],
    ['Terytorium', 'Terytorium', '22-terytorium'],
    ['Użytkownicy', 'Użytkownicy', '23-uzytkownicy'],
    ['Dziennik audytu', 'Dziennik audytu', '24-audyt'],
    ['Tokeny API', 'Moje tokeny API', '25-tokeny'],
    ['Pulpit', /Dzień dobry/, '26-pulpit'],
  ];
  for (const [link, heading, file] of pages) {
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.match(await focusedText(page), /^h1:/, `focus should be on the h1 after opening ${link}`);
    assert.equal(await page.locator('[aria-current=page]').innerText(), link);
    await checkA11y(page, link);
    await shot(page, file);
  }
  // Detail pages reached from the lists.
  await page.goto('/sekcje');
  await page.locator('table a').first().click();
  await page.getByRole('heading', { level: 1, name: /^Sekcja/ }).waitFor();
  await checkA11y(page, 'sekcja');
  await shot(page, '27-sekcja');
  await page.goto('/uzytkownicy');
  await page.getByRole('link', { name: 'Zarządzaj kontem pracownik' }).click();
  await page.getByRole('heading', { level: 1, name: /^Konto:/ }).waitFor();
  await checkA11y(page, 'konto użytkownika');
  await shot(page, '28-konto');
  await page.goto('/uzytkownicy/nowy');
  await page.getByRole('heading', { level: 1, name: 'Nowy użytkownik' }).waitFor();
  await checkA11y(page, 'nowy użytkownik');
  await shot(page, '29-nowy-uzytkownik');
  await page.context().close();
});

test('wąski ekran (320 px): treść się zawija, bez poziomego przewijania strony', async () => {
  const page = await newPage(browser, server.baseUrl);
  await page.setViewportSize({ width: 320, height: 800 });
  await login(page, 'admin');
  await checkReflow(page, [['/', '60-waski-pulpit'], ['/sekcje', '61-waski-sekcje'], ['/audyt', '62-waski-audyt']]);
  await page.context().close();
});

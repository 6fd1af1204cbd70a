// Administration of accounts (add, unlock, disable) and the user's own API tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, launchBrowser, login, newPage, shot } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const STRONG_PASSWORD = 'Bezpieczne-Haslo-2025';

test('administrator dodaje konto; nowe konto loguje się; słabe hasło daje komunikat przy polu', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'admin');
  await page.goto('/uzytkownicy/nowy');
  await page.getByLabel('Login', { exact: true }).fill('jan.testowy');
  await page.getByLabel('Imię i nazwisko').fill('Jan Testowy');
  await page.getByLabel('Hasło początkowe').fill('krotkie');
  await page.getByRole('group', { name: 'Role' }).getByLabel(/socjalny|pracownik/i).first().check();
  await page.getByRole('button', { name: 'Utwórz konto' }).click();
  await page.locator('.error-summary').waitFor();
  await checkA11y(page, 'nowy użytkownik z błędem');
  await shot(page, '50-nowy-uzytkownik-blad');

  await page.getByLabel('Hasło początkowe').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Utwórz konto' }).click();
  await page.getByRole('heading', { level: 1, name: 'Konto: Jan Testowy' }).waitFor();
  await page.goto('/uzytkownicy');
  await page.getByRole('row').filter({ hasText: 'jan.testowy' }).waitFor();

  const other = await newPage(browser, server.baseUrl);
  await login(other, 'jan.testowy', STRONG_PASSWORD);
  await other.context().close();
  await page.context().close();
});

test('nieudane logowania: administrator odblokowuje konto, potem je wyłącza', async () => {
  // Wrong passwords through the API: from the 3rd failure on the server makes the account wait (423).
  const statuses = [];
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: 'asystent', password: `zle-${i}` }),
    });
    statuses.push(res.status);
  }
  assert.ok(statuses.includes(423), `the account is locked after repeated failures: ${statuses}`);

  const page = await newPage(browser, server.baseUrl);
  await login(page, 'admin');
  await page.goto('/uzytkownicy');
  await page.getByRole('row').filter({ hasText: 'asystent' }).getByRole('link', { name: /Zarządzaj/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Konto:/ }).waitFor();
  const failures = page.locator('.summary-list__row').filter({ hasText: 'Nieudane logowania' }).locator('dd');
  assert.ok(Number(await failures.innerText()) >= 3, 'failed logins are shown');
  await page.getByRole('button', { name: 'Odblokuj konto' }).click();
  await page.getByRole('status').filter({ hasText: 'odblokowane' }).waitFor();
  assert.equal(await failures.innerText(), '0');
  const other = await newPage(browser, server.baseUrl);
  await login(other, 'asystent');
  await other.context().close();

  await page.getByRole('button', { name: 'Wyłącz konto' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Wyłącz konto' }).click();
  await page.getByRole('status').filter({ hasText: 'wyłączone' }).waitFor();
  await page.getByRole('button', { name: 'Włącz konto' }).waitFor();
  await shot(page, '51-konto-wylaczone');
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: 'asystent', password: 'demo' }),
  });
  assert.ok(res.status >= 400, 'a disabled account cannot log in');
  await page.goto('/uzytkownicy');
  assert.match(await page.getByRole('row').filter({ hasText: 'asystent' }).innerText(), /Wyłączone/);
  await page.context().close();
});

test('moje tokeny API: utworzenie (token pokazany raz) i unieważnienie', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'analityk');
  await page.goto('/tokeny');
  await page.getByText('Nie masz jeszcze żadnych tokenów API.').waitFor();
  await page.getByLabel('Nazwa tokenu').fill('Arkusz raportowy');
  await page.getByLabel('Ważność w dniach').fill('30');
  await page.getByRole('button', { name: 'Utwórz token' }).click();
  const token = await page.getByLabel('Token', { exact: true }).inputValue();
  assert.ok(token.length >= 16, 'the new token is shown');
  await checkA11y(page, 'tokeny');
  await shot(page, '52-token-utworzony');

  const viaToken = await fetch(`${server.baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(viaToken.status, 200);
  assert.equal((await viaToken.json()).login, 'analityk');

  const row = page.getByRole('row').filter({ hasText: 'Arkusz raportowy' });
  await row.getByRole('button', { name: /Unieważnij/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Unieważnij token' }).click();
  await page.getByRole('status').filter({ hasText: 'Unieważniono token' }).waitFor();
  assert.match(await row.innerText(), /Unieważniony/);
  const afterRevoke = await fetch(`${server.baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(afterRevoke.status, 401);
  await page.context().close();
});

test('adres po wielu nieudanych logowaniach: administrator widzi go na liście i odblokowuje', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'admin');
  // Wrong passwords from this machine against accounts of the centre (two each at most: no account
  // slowdown) until the address has 10 failures in its window; the next attempt must wait. The address
  // may already hold failures of the test before (asystent's: a successful login forgives the address
  // only the account's own failures, and the administrator's unlock had cleared those).
  const accounts = ['dyrektor', 'kierownik', 'pracownik', 'swiadczenia', 'partner'];
  let waited = false;
  for (let i = 0; i < 10 && !waited; i++) {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: accounts[i % 5], password: `zle-${Math.floor(i / 5)}` }),
    });
    waited = res.status === 429;
    if (!waited) assert.equal(res.status, 401);
  }
  if (!waited) {
    const slowed = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: 'partner', password: 'demo' }),
    });
    assert.equal(slowed.status, 429, 'the address must wait after its 10th failure');
  }

  await page.goto('/uzytkownicy');
  const locks = page.getByRole('region', { name: /Adresy po nieudanych logowaniach/ });
  const row = locks.getByRole('row').filter({ hasText: '127.0.0.1' });
  await row.waitFor();
  assert.match(await row.innerText(), /10/);
  assert.match(await row.innerText(), /Spowolniony/);
  await checkA11y(page, 'użytkownicy z adresem spowolnionym');
  await shot(page, '53-adres-spowolniony');

  await row.getByRole('button', { name: 'Odblokuj adres 127.0.0.1' }).click();
  await page.getByRole('status').filter({ hasText: 'Adres 127.0.0.1 został odblokowany.' }).waitFor();
  await page.getByText('Żaden adres nie jest teraz spowolniony ani zablokowany po nieudanych logowaniach.').waitFor();
  await shot(page, '54-adres-odblokowany');
  const after = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: 'partner', password: 'demo' }),
  });
  assert.equal(after.status, 200, 'the address may log in again at once');
  await page.context().close();
});

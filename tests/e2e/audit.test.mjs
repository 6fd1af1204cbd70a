// Audit viewer: entries are listed, filters work, CSV export uses the same filters, integrity check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, launchBrowser, login, newPage, shot } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('dziennik audytu pokazuje wpisy, filtruje, eksportuje CSV i sprawdza integralność', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'admin');
  await page.goto('/audyt');
  const table = page.getByRole('table', { name: 'Wpisy dziennika audytu' });
  await table.waitFor();
  assert.ok(await table.locator('tbody tr').count() > 0, 'the audit log has entries (at least our login)');
  await checkA11y(page, 'dziennik audytu');
  await shot(page, '40-audyt');

  const actions = await table.locator('tbody tr td:nth-child(4) code').allInnerTexts();
  const action = actions.find((a) => /login/.test(a)) ?? actions[0];
  await page.getByLabel('Czynność').fill(action);
  await page.getByLabel('Od dnia').fill('2000-01-01');
  await page.getByRole('button', { name: 'Filtruj' }).click();
  await page.waitForURL(`**/audyt?action=${encodeURIComponent(action)}&from=2000-01-01`);
  await table.waitFor();
  const filtered = await table.locator('tbody tr td:nth-child(4) code').allInnerTexts();
  assert.ok(filtered.length > 0);
  assert.ok(filtered.every((a) => a === action), `all rows have action ${action}: ${filtered}`);

  const csvLink = page.getByRole('link', { name: /Pobierz CSV/ });
  const href = await csvLink.getAttribute('href');
  assert.equal(href, `/api/v1/audit.csv?action=${encodeURIComponent(action)}&from=2000-01-01`);
  const csv = await page.request.get(href);
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-type'], /text\/csv/);

  await page.getByRole('button', { name: 'Sprawdź integralność' }).click();
  await page.getByRole('status').filter({ hasText: 'Dziennik jest nienaruszony' }).waitFor();
  await shot(page, '41-audyt-integralnosc');

  await page.getByLabel('Czynność').fill('nie-ma-takiej-czynnosci');
  await page.getByRole('button', { name: 'Filtruj' }).click();
  await page.getByText('Żaden wpis nie pasuje do wybranych filtrów.').waitFor();
  await page.context().close();
});

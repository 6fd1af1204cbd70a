// Income received at once for a period (art. 8 ust. 12) on the income page: pracownik records a pension's arrears
// received this month for the three months before; the period fields hide for one-off and farm income, a period ending
// before it starts is caught at the field, and the saved item counts a third in each month of the period and nothing
// in the month it was received — checked in the page's table and total, and through the API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, launchBrowser, login, newPage, shot } from './browser.mjs';
import { TODAY, api, findHouseholds, headOf, re, text, zl } from './fixtures.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const monthShift = (ym, n) => {
  const [y, m] = ym.split('-').map(Number);
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};

test('pracownik: wyrównanie renty za trzy miesiące rozłożone na te miesiące (art. 8 ust. 12)', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  const { own: household } = await findHouseholds(page);
  const head = headOf(household);
  const received = TODAY.slice(0, 7);
  const [first, second, last] = [monthShift(received, -3), monthShift(received, -2), monthShift(received, -1)];

  await page.goto(`/srodowiska/${household.id}/dochod?miesiac=${received}`);
  await page.getByRole('heading', { level: 1, name: /^Dochód gospodarstwa: / }).waitFor();
  const form = page.getByRole('form', { name: 'Dodaj pozycję dochodu' });
  const period = form.getByRole('group', { name: 'Dochód należny za okres (opcjonalnie)' });
  // Not for a one-off amount (art. 8 ust. 11 spreads those) nor for a farm.
  await form.getByLabel('Rodzaj dochodu').selectOption('jednorazowy');
  assert.equal(await period.isVisible(), false);
  await form.getByLabel('Rodzaj dochodu').selectOption('gospodarstwo_rolne');
  assert.equal(await period.isVisible(), false);
  await form.getByLabel('Rodzaj dochodu').selectOption('emerytura_renta');
  await period.waitFor();

  await form.getByLabel('Osoba').selectOption(String(head.person.id));
  await form.getByLabel('Kwota (zł)').fill('3 000,03');
  await period.getByLabel('Należny od miesiąca').fill(last);
  await period.getByLabel('Należny do miesiąca').fill(first);
  await form.getByRole('button', { name: 'Dodaj pozycję dochodu' }).click();
  const to = period.getByLabel('Należny do miesiąca');
  assert.equal(await to.getAttribute('aria-invalid'), 'true');
  await form.locator('.error-summary').filter({ hasText: 'Koniec okresu nie może być przed jego początkiem' }).waitFor();
  const items = async () => (await api.get(page, `/api/v1/households/${household.id}/income?month=${second}`)).json;
  assert.equal((await items()).items.length, 0, 'nothing saved');
  await checkA11y(page, 'dochód – okres, błąd');

  await period.getByLabel('Należny od miesiąca').fill(first);
  await period.getByLabel('Należny do miesiąca').fill(last);
  await form.getByLabel('Źródło informacji').fill('Decyzja ZUS o wyrównaniu');
  await form.getByRole('button', { name: 'Dodaj pozycję dochodu' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: 'Dodano pozycję dochodu' }).waitFor();

  // The month received: listed, counted 0, with the reason.
  const row = page.getByRole('row').filter({ hasText: 'Decyzja ZUS o wyrównaniu' });
  assert.match(await text(row), re(`${zl(300003)} ${zl(0)} ${zl(0)}`));
  assert.match(await text(row), /nie wlicza się \(art\. 8 ust\. 12\)/);

  // Each month of the period: a third of 3 000,03 zł.
  for (const month of [first, second, last]) {
    await page.goto(`/srodowiska/${household.id}/dochod?miesiac=${month}`);
    const r = page.getByRole('row').filter({ hasText: 'Decyzja ZUS o wyrównaniu' });
    await r.waitFor();
    assert.match(await text(r), re(`${zl(300003)} ${zl(0)} ${zl(100001)}`), month);
    assert.match(await text(r), /art\. 8 ust\. 12/);
  }
  const api2 = await items();
  const mine = api2.items.find((i) => i.source === 'Decyzja ZUS o wyrównaniu');
  assert.equal(mine.period_from, first);
  assert.equal(mine.period_to, last);
  assert.equal(mine.counted_grosze, 100001);
  await checkA11y(page, 'dochód – okres');
  await shot(page, '105-dochod-okres');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

// Managing a section's territory as administrator: add a range, resolve an address, delete, CSV import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, launchBrowser, login, newPage, shot } from './browser.mjs';

let server, browser, page;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser, server.baseUrl);
  await login(page, 'admin');
});
after(async () => { await browser?.close(); await server?.stop(); });

// A street that the demo data does not use, so the new ranges never overlap another section.
const LOCALITY = 'Testowo';
const STREET = 'Próbna E2E';

async function openFirstSection() {
  await page.goto('/sekcje');
  const link = page.locator('table a').first();
  const name = await link.innerText();
  await link.click();
  await page.getByRole('heading', { level: 1, name: /^Sekcja/ }).waitFor();
  return name;
}

/** Rows of the streets table whose "Ulica" cell is exactly `street`. */
const rowsFor = (street) => page.locator('table tbody tr').filter({
  has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${street.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
});

test('dodanie zakresu ulicy, ustalenie sekcji dla adresu, usunięcie z potwierdzeniem', async () => {
  const sectionName = await openFirstSection();
  const form = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Dodaj zakres ulicy' }) });
  await form.getByLabel('Miejscowość').fill(LOCALITY);
  await form.getByLabel('Ulica').fill(STREET);
  await form.getByLabel('Numery').selectOption('odd');
  await form.getByLabel('Od numeru').fill('1');
  await form.getByLabel('Do numeru').fill('99');
  await form.getByRole('button', { name: 'Dodaj zakres' }).click();
  await page.getByRole('status').filter({ hasText: 'Dodano zakres' }).waitFor();
  const row = rowsFor(STREET);
  await row.waitFor();
  assert.deepEqual((await row.locator('th, td').allInnerTexts()).slice(0, 5), [LOCALITY, STREET, 'nieparzyste', '1', '99']);
  await checkA11y(page, 'sekcja po dodaniu zakresu');
  await shot(page, '30-sekcja-dodany-zakres');

  // The same address now resolves to this section.
  await page.goto('/terytorium');
  await page.getByLabel('Miejscowość').fill(LOCALITY);
  await page.getByLabel('Ulica').fill(STREET);
  await page.getByLabel('Numer domu').fill('7');
  await page.getByRole('button', { name: 'Znajdź sekcję' }).click();
  await page.locator('.result').getByText(sectionName).waitFor();
  await page.getByLabel('Numer domu').fill('8');
  await page.getByRole('button', { name: 'Znajdź sekcję' }).click();
  await page.locator('.result .notice--warning').waitFor();
  await checkA11y(page, 'terytorium');
  await shot(page, '31-terytorium-wynik');

  // Delete with the confirmation dialog; "Anuluj" first keeps the row.
  await openFirstSection();
  await rowsFor(STREET).getByRole('button', { name: /^Usuń/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Usunąć zakres ulicy?' });
  await dialog.waitFor();
  await shot(page, '32-potwierdzenie-usuniecia');
  // Esc cancels, and focus returns to the button that opened the dialog.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await rowsFor(STREET).count(), 1);
  assert.match(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), /^Usuń zakres: Testowo/);
  await rowsFor(STREET).getByRole('button', { name: /^Usuń/ }).click();
  await dialog.getByRole('button', { name: 'Anuluj' }).click();
  assert.equal(await rowsFor(STREET).count(), 1);
  await rowsFor(STREET).getByRole('button', { name: /^Usuń/ }).click();
  await dialog.getByRole('button', { name: 'Usuń zakres' }).click();
  await page.getByRole('status').filter({ hasText: 'Usunięto zakres' }).waitFor();
  assert.equal(await rowsFor(STREET).count(), 0);
});

test('import CSV: błędny wiersz pokazuje błąd wiersza i nic nie zapisuje; poprawny plik importuje', async () => {
  await openFirstSection();
  const form = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Import ulic z pliku CSV' }) });
  const textarea = form.getByLabel('Zawartość pliku CSV');
  await textarea.fill([
    'miejscowosc;ulica;parzystosc;od;do',
    `${LOCALITY};${STREET} A;wszystkie;;`,
    `${LOCALITY};${STREET} B;co-drugie;1;9`,
  ].join('\n'));
  await form.getByRole('button', { name: 'Importuj ulice' }).click();
  const summary = form.locator('.error-summary');
  await summary.waitFor();
  const errorsTable = summary.getByRole('table', { name: 'Błędy w wierszach pliku' });
  await errorsTable.waitFor();
  const rows = await errorsTable.locator('tbody tr').allInnerTexts();
  assert.ok(rows.length >= 1, 'at least one row error');
  // Rows are data rows (the header is not counted): the bad parity is in data row 2.
  assert.match(rows.join('\n'), /^2\s+parzystosc/m, `data row 2 (the bad parity) should be reported: ${rows}`);
  assert.equal(await rowsFor(`${STREET} A`).count(), 0, 'all-or-nothing: the good row must not be saved');
  await checkA11y(page, 'import CSV z błędem');
  await shot(page, '33-import-csv-blad');

  // The good file is chosen with the file picker; its text lands in the textarea (BOM removed).
  await form.getByLabel('Wczytaj plik CSV').setInputFiles({
    name: 'ulice.csv', mimeType: 'text/csv',
    buffer: Buffer.from('\uFEFF' + [
      'miejscowosc;ulica;parzystosc;od;do',
      `${LOCALITY};${STREET} A;wszystkie;;`,
      `${LOCALITY};${STREET} B;parzyste;2;40`,
    ].join('\r\n')),
  });
  await page.waitForFunction(() => document.querySelector('textarea[name=csv]')?.value.includes('parzyste;2;40'));
  assert.ok(!(await textarea.inputValue()).startsWith('\uFEFF'));
  await form.getByRole('button', { name: 'Importuj ulice' }).click();
  await page.getByRole('status').filter({ hasText: 'Zaimportowano 2 zakresy' }).waitFor();
  await rowsFor(`${STREET} A`).waitFor();
  assert.deepEqual((await rowsFor(`${STREET} B`).locator('th, td').allInnerTexts()).slice(0, 5), [LOCALITY, `${STREET} B`, 'parzyste', '2', '40']);
  assert.deepEqual((await rowsFor(`${STREET} A`).locator('th, td').allInnerTexts()).slice(2, 5), ['wszystkie', 'od początku', 'do końca']);
  await shot(page, '34-import-csv-ok');
});

test('kontrola terytorium się wyświetla', async () => {
  await page.goto('/terytorium');
  await page.getByRole('heading', { name: 'Nakładające się zakresy' }).waitFor();
  await page.getByRole('heading', { name: /Luki w numeracji|Ulice bez sekcji/ }).waitFor();
  await checkA11y(page, 'kontrola terytorium');
});

test('organizacja: drzewo jednostek, dodanie, edycja i usunięcie jednostki', async () => {
  await page.goto('/organizacja');
  const tree = page.getByRole('list', { name: 'Struktura ośrodka' });
  await tree.waitFor();
  assert.ok(await tree.locator('.unit').count() > 0, 'the demo centre has units');

  const add = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Dodaj jednostkę' }) });
  await add.getByLabel('Rodzaj jednostki').selectOption('specialised');
  await add.getByLabel('Nazwa', { exact: true }).fill('Punkt Konsultacyjny E2E');
  await add.getByLabel('Oferta').fill('Poradnictwo dla rodzin.');
  await add.getByRole('button', { name: 'Dodaj jednostkę' }).click();
  await page.getByRole('status').filter({ hasText: 'Dodano jednostkę' }).waitFor();
  const card = tree.locator('.unit').filter({ hasText: 'Punkt Konsultacyjny E2E' });
  await card.waitFor();
  assert.match(await card.innerText(), /Poradnictwo dla rodzin/);

  await card.getByRole('button', { name: 'Edytuj jednostkę: Punkt Konsultacyjny E2E' }).click();
  const editTitle = page.getByRole('heading', { name: 'Edycja: Punkt Konsultacyjny E2E' });
  await editTitle.waitFor();
  assert.equal(await editTitle.evaluate((el) => el === document.activeElement), true);
  const editForm = page.locator('.unit form');
  await editForm.getByLabel('Oferta').fill('Poradnictwo i grupy wsparcia.');
  await checkA11y(page, 'edycja jednostki');
  await editForm.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await page.getByRole('status').filter({ hasText: 'Zapisano zmiany jednostki' }).waitFor();
  await tree.locator('.unit').filter({ hasText: 'Poradnictwo i grupy wsparcia.' }).waitFor();
  await shot(page, '35-organizacja-edycja');

  await tree.getByRole('button', { name: 'Usuń jednostkę: Punkt Konsultacyjny E2E' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Usuń jednostkę' }).click();
  await page.getByRole('status').filter({ hasText: 'Usunięto jednostkę' }).waitFor();
  assert.equal(await tree.locator('.unit').filter({ hasText: 'Punkt Konsultacyjny E2E' }).count(), 0);
});

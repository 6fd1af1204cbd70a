// The whole social-assistance loop in the browser, as the three roles do it: pracownik files an application for a
// household of her section, completes the interview, records the income of the reference month and drafts a grant of
// zasiłek okresowy watching the live amount preview; kierownik signs it; pracownik records the delivery and the party's
// waiver of appeal, so the decision is final today and its payments are planned; the benefits clerk creates the
// transfer list for the first payment day and finds the household's payment on it with the decision's amount, and
// every file of the list answers. Nothing is set up through the API: it is only read, to check what the UI shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, launchBrowser, login, newPage, shot } from './browser.mjs';
import { TODAY, addDays, api, findHouseholds, headOf, pl, re, text, waitForText, zl } from './fixtures.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const nav = (page) => page.getByRole('navigation', { name: 'Menu główne' });
const FIRST = `${TODAY.slice(0, 7)}-01`;
// Granted from the first day of this month to the last day of the next one: the first month is paid in full.
const LAST = addDays(`${addDays(FIRST, 62).slice(0, 7)}-01`, -1);
const MONTHS = ['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień'];
const REFERENCE = addDays(FIRST, -1).slice(0, 7); // income counts from the month before the application
const referenceName = `${MONTHS[Number(REFERENCE.slice(5)) - 1]} ${REFERENCE.slice(0, 4)}`;

/** Opens a household card by its number from „Moje zadania”, with the keyboard. */
async function openCard(page, id) {
  await nav(page).getByRole('link', { name: 'Moje zadania' }).click();
  await page.getByRole('heading', { level: 1, name: 'Moje zadania' }).waitFor();
  await page.getByLabel('Numer środowiska').focus();
  await page.keyboard.type(String(id));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /^Karta środowiska: / }).waitFor();
}

test('pętla: wniosek → wywiad → dochód → decyzja z podglądem kwoty → podpis → ostateczna → lista wypłat z plikami', async () => {
  // ---------- pracownik: application, interview, income, draft decision ----------
  const worker = await newPage(browser, server.baseUrl);
  await login(worker, 'pracownik');
  const { own } = await findHouseholds(worker);
  const head = headOf(own);
  const who = `${head.person.first_name} ${head.person.last_name}`;
  await openCard(worker, own.id);

  await worker.getByRole('link', { name: 'Nowy wniosek' }).click();
  const appForm = worker.getByRole('form', { name: 'Nowy wniosek' });
  await appForm.getByLabel('zasiłek okresowy (art. 38)').check();
  await appForm.getByLabel('pkt 1 — ubóstwa').check();
  await appForm.getByLabel('pkt 4 — bezrobocia').check();
  await appForm.getByLabel('Opis (opcjonalnie)').fill('Utrata pracy, zaległości w opłatach za mieszkanie.');
  await appForm.getByRole('button', { name: 'Zarejestruj wniosek' }).focus();
  await worker.keyboard.press('Enter');
  const appHeading = worker.getByRole('heading', { level: 1, name: /^Wniosek W\/\d{4}\/\d+$/ });
  await appHeading.waitFor();
  const appNumber = (await appHeading.innerText()).replace('Wniosek ', '');

  await worker.getByRole('link', { name: /^Przeprowadź wywiad: Wywiad środowiskowy do wniosku/ }).click();
  const interview = worker.getByRole('form', { name: 'Kwestionariusz wywiadu' });
  await interview.getByLabel(/^Sytuacja rodzinna/).fill('Gospodarstwo wieloosobowe, osoba prowadząca straciła pracę.');
  await interview.getByLabel(/^Sytuacja dochodowa/).fill(`Za ${referenceName}: wynagrodzenie 600,00 zł, składki 130,00 zł.`);
  await interview.getByLabel(/^Ocena sytuacji/).fill('Dochód poniżej kryterium; potrzebne wsparcie finansowe na czas poszukiwania pracy.');
  await interview.getByLabel(/^Proponowana pomoc/).fill('Zasiłek okresowy na dwa miesiące.');
  await interview.getByRole('button', { name: 'Zapisz wywiad' }).click();
  await worker.getByRole('heading', { level: 1, name: `Wniosek ${appNumber}` }).waitFor();
  await worker.getByRole('main').getByRole('status').filter({ hasText: 'Zapisano wywiad' }).waitFor();

  // Income of the reference month, on the income page reached from the card.
  await worker.getByRole('link', { name: 'Karta środowiska' }).click();
  await worker.getByRole('link', { name: 'Dochód i uprawnienia do zasiłków' }).click();
  await worker.getByRole('heading', { level: 1, name: /^Dochód gospodarstwa: / }).waitFor();
  assert.equal(await worker.getByLabel('Miesiąc dochodu').inputValue(), REFERENCE);
  const incomeForm = worker.getByRole('form', { name: 'Dodaj pozycję dochodu' });
  assert.equal(await incomeForm.getByLabel('Osoba').inputValue(), String(head.person.id));
  await incomeForm.getByLabel('Rodzaj dochodu').selectOption('wynagrodzenie');
  assert.equal(await incomeForm.getByLabel('Za miesiąc').inputValue(), REFERENCE);
  await incomeForm.getByLabel('Kwota (zł)').fill('600,00');
  await incomeForm.getByLabel('Składka zdrowotna (zł)').fill('50,00');
  await incomeForm.getByLabel('Składki społeczne (zł)').fill('80');
  await incomeForm.getByLabel('Źródło informacji').fill('Zaświadczenie od pracodawcy');
  await incomeForm.getByRole('button', { name: 'Dodaj pozycję dochodu' }).click();
  await worker.getByRole('main').getByRole('status').filter({ hasText: `Dodano pozycję dochodu: ${who}` }).waitFor();
  const incomeRegion = await text(worker.getByRole('region', { name: `Dochód za ${referenceName}` }));
  assert.match(incomeRegion, re(`Dochód gospodarstwa ${zl(47000)}`));
  assert.match(incomeRegion, re(`${zl(60000)} ${zl(13000)} ${zl(47000)}`), 'amount, deductions and what counts');
  const eligible = await text(worker.getByRole('region', { name: /^Uprawnienie do pomocy na dzień/ }));
  assert.match(eligible, /zasiłek okresowy Przysługuje/);
  await checkA11y(worker, 'pętla – dochód');
  await shot(worker, '100-petla-dochod');

  // The draft decision from the card's timeline: income prefilled, the amount previewed live.
  await worker.getByRole('link', { name: /^Karta środowiska/ }).click();
  await worker.getByRole('link', { name: `Wydaj decyzję: wniosek ${appNumber}` }).click();
  await worker.getByRole('heading', { level: 1, name: `Decyzja w sprawie wniosku ${appNumber}` }).waitFor();
  const form = worker.getByRole('form', { name: 'Projekt decyzji' });
  await form.getByText(`Wpisano dochód za ${referenceName} z zapisanych pozycji dochodu`).waitFor();
  assert.equal(await form.getByLabel('Dochód gospodarstwa (zł miesięcznie)').inputValue(), '470,00');
  assert.equal(await form.getByLabel('Liczba osób w gospodarstwie').inputValue(), String(own.members.length));
  const expected = (await api.post(worker, '/api/v1/decisions/amount-preview',
    { form: 'zasilek_okresowy', date: FIRST, household_size: own.members.length, income_grosze: 47000 })).json;
  await form.getByLabel('Okres od').fill(FIRST);
  await form.getByLabel('Okres do').fill(LAST);
  const preview = worker.locator('.preview');
  await waitForText(worker, '.preview', `Kwota wyliczona: ${zl(expected.calculated_grosze)} miesięcznie`);
  assert.match(await text(preview), re(`Dopuszczalny zakres: od ${zl(expected.min_grosze)} do ${zl(expected.max_grosze)}.`));
  assert.match(await text(preview), re(`dochód ${zl(47000)}`));
  await form.getByLabel('Numer rachunku bankowego (IBAN)').focus();
  await worker.keyboard.type('61 1090 1014 0000 0712 1981 2874');
  await worker.locator('.live-check').filter({ hasText: 'Numer rachunku poprawny: PL61 1090 1014 0000 0712 1981 2874' }).waitFor();
  await form.getByLabel('Uzasadnienie decyzji').fill('Dochód rodziny nie przekracza kryterium (art. 8); bezrobocie (art. 7 pkt 4).');
  await checkA11y(worker, 'pętla – projekt decyzji');
  await shot(worker, '101-petla-projekt-decyzji');
  await form.getByRole('button', { name: 'Zapisz projekt decyzji' }).click();
  await worker.getByRole('heading', { level: 1, name: 'Projekt decyzji (zasiłek okresowy)' }).waitFor();
  const decisionPath = new URL(worker.url()).pathname;
  assert.match(await text(worker.getByRole('region', { name: 'Dane decyzji' })), re(`Kwota ${zl(expected.calculated_grosze)} miesięcznie`));
  await worker.context().close();

  // ---------- kierownik: signs the draft found on the card ----------
  const boss = await newPage(browser, server.baseUrl);
  await login(boss, 'kierownik');
  await openCard(boss, own.id);
  await boss.getByRole('region', { name: 'Decyzje', exact: true }).getByRole('link', { name: 'Projekt' }).click();
  await boss.getByRole('heading', { level: 1, name: 'Projekt decyzji (zasiłek okresowy)' }).waitFor();
  await boss.getByRole('form', { name: 'Podpisanie decyzji' }).getByRole('button', { name: 'Podpisz decyzję' }).click();
  await boss.getByRole('dialog').getByRole('button', { name: 'Podpisz decyzję' }).click();
  const signed = boss.getByRole('heading', { level: 1, name: /^Decyzja D\/\d{4}\/\d+$/ });
  await signed.waitFor();
  const number = (await signed.innerText()).replace('Decyzja ', '');
  assert.match(await text(boss.getByRole('region', { name: 'Dane decyzji' })), re(`Data wydania ${pl(TODAY)}`));
  await boss.context().close();

  // ---------- pracownik: delivery and the party's waiver of appeal: final today ----------
  const worker2 = await newPage(browser, server.baseUrl);
  await login(worker2, 'pracownik');
  await openCard(worker2, own.id);
  await worker2.getByRole('region', { name: 'Decyzje', exact: true }).getByRole('link', { name: number }).click();
  await worker2.getByRole('heading', { level: 1, name: `Decyzja ${number}` }).waitFor();
  assert.equal(new URL(worker2.url()).pathname, decisionPath);
  await worker2.getByRole('form', { name: 'Doręczenie decyzji' }).getByRole('button', { name: 'Zapisz doręczenie' }).click();
  await worker2.getByRole('dialog').getByRole('button', { name: 'Zapisz doręczenie' }).click();
  await worker2.getByRole('main').getByRole('status').filter({ hasText: `Doręczenie: Doręczona ${pl(TODAY)}` }).waitFor();
  const waiver = worker2.getByRole('form', { name: 'Zrzeczenie się prawa do odwołania' });
  await waiver.getByRole('button', { name: 'Zapisz zrzeczenie się odwołania' }).click();
  await worker2.getByRole('dialog').getByRole('button', { name: 'Zapisz zrzeczenie się odwołania' }).click();
  await worker2.getByRole('main').getByRole('status').filter({ hasText: 'Zrzeczenie się prawa do odwołania' }).waitFor();
  const data = await text(worker2.getByRole('region', { name: 'Dane decyzji' }));
  assert.match(data, /Stan Ostateczna/);
  assert.match(data, re(`Ostateczna od ${pl(TODAY)}`));
  const planned = (await api.get(worker2, `/api/v1/households/${own.id}/payments`)).json.items.sort((a, b) => a.due_on.localeCompare(b.due_on));
  assert.equal(planned.length, 2, 'this month and the next');
  const first = planned[0];
  assert.equal(first.amount_grosze, expected.calculated_grosze);
  const paymentsRegion = worker2.getByRole('region', { name: 'Wypłaty', exact: true });
  assert.match(await text(paymentsRegion.getByRole('row').filter({ hasText: pl(first.due_on) })), re(`${zl(first.amount_grosze)} przelew`));
  assert.match(await text(paymentsRegion), /Wypłaty są zgodne z decyzją/);
  await checkA11y(worker2, 'pętla – decyzja ostateczna');
  await shot(worker2, '102-petla-decyzja-ostateczna');
  await worker2.context().close();

  // ---------- świadczenia: the transfer list for the first payment day ----------
  const clerk = await newPage(browser, server.baseUrl);
  await login(clerk, 'swiadczenia');
  await nav(clerk).getByRole('link', { name: 'Wypłaty' }).click();
  const listForm = clerk.getByRole('form', { name: 'Nowa lista wypłat' });
  await listForm.getByLabel('Dzień wypłaty').fill(first.due_on);
  await listForm.getByLabel('Przelew na rachunek bankowy').check();
  await listForm.getByRole('button', { name: 'Utwórz listę wypłat' }).click();
  await clerk.getByRole('heading', { level: 1, name: /^Lista wypłat LW\/\d{4}\/\d+$/ }).waitFor();
  const row = await text(clerk.getByRole('row').filter({ hasText: who }));
  assert.match(row, re(`${who} zasiłek okresowy`));
  assert.match(row, re(number));
  assert.match(row, re(zl(expected.calculated_grosze)));
  assert.match(row, /PL61 1090 1014 0000 0712 1981 2874/);
  for (const name of ['Lista w pliku CSV', 'Lista w arkuszu XLSX', 'Plik przelewów dla banku (Elixir-O)']) {
    const href = await clerk.getByRole('link', { name }).getAttribute('href');
    assert.match(href, /^\/api\/v1\/payment-lists\/\d+\/export\?format=(csv|xlsx|elixir)$/);
    const res = await clerk.request.get(href);
    assert.equal(res.status(), 200, `${name}: ${href}`);
    assert.ok((await res.body()).length > 0);
  }
  const csv = (await (await clerk.request.get(await clerk.getByRole('link', { name: 'Lista w pliku CSV' }).getAttribute('href'))).body()).toString();
  const csvAmount = `;${Math.floor(expected.calculated_grosze / 100)},${String(expected.calculated_grosze % 100).padStart(2, '0')};`;
  assert.ok(csv.includes(head.person.last_name) && csv.includes(csvAmount),
    `the CSV names the recipient and the amount:\n${csv.slice(0, 600)}`);
  await checkA11y(clerk, 'pętla – lista wypłat');
  await shot(clerk, '103-petla-lista-wyplat');
  assert.deepEqual(clerk.jsErrors, []);
  await clerk.context().close();

  // ---------- pracownik: the person's own history, reached from the household card ----------
  const worker3 = await newPage(browser, server.baseUrl);
  await login(worker3, 'pracownik');
  await openCard(worker3, own.id);
  await worker3.getByRole('region', { name: 'Członkowie gospodarstwa domowego' }).getByRole('link', { name: who }).click();
  await worker3.getByRole('heading', { level: 1, name: who }).waitFor();
  const history = worker3.getByRole('region', { name: 'Historia osoby' });
  const historyRow = (name) => history.getByRole('row').filter({ has: worker3.getByRole('link', { name }) });
  assert.match(await text(historyRow(`Wniosek ${appNumber}`)), /zasiłek okresowy.*Rozpatrzony/);
  assert.match(await text(historyRow(`Decyzja ${number}`)), re(`Przyznająca pomoc, zasiłek okresowy, ${zl(expected.calculated_grosze)}`));
  assert.match(await text(historyRow(`Decyzja ${number}`)), /Ostateczna/);
  const paid = history.getByRole('row').filter({ hasText: 'Wypłata:' }).filter({ hasText: number });
  assert.equal(await paid.count(), 2, 'both planned payments');
  assert.match(await text(paid.first()), re(`Wypłata: zasiłek okresowy ${zl(first.amount_grosze)}`));
  await historyRow(/^Dołączenie do środowiska/).first().waitFor();
  await checkA11y(worker3, 'pętla – historia osoby');
  await shot(worker3, '104-petla-historia-osoby');
  // Order: newest first.
  const dates = (await history.getByRole('row').allInnerTexts()).slice(1).map((r) => r.slice(0, 10).split('.').reverse().join('-'));
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.deepEqual(worker3.jsErrors, []);
  await worker3.context().close();
});

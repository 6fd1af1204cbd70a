// Daily case work: the household card, a new application through the keyboard (art. 7 wording by date, a future date
// refused by the server at the field, deadlines shown), the interview questionnaire (health hidden without restricted
// access, the 6-month update interview planned), the worklist with its horizon filter and the managers' counts;
// denials: analityk has no case access, pracownik gets the out-of-scope message for another section's household.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, checkReflow, focusedText, launchBrowser, login, newPage, shot } from './browser.mjs';
import { TODAY, addDays, api, findHouseholds, pl } from './fixtures.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// Received four weeks ago: the interview (14 working days) is overdue, the decision (1 month) due within a week.
const RECEIVED = addDays(TODAY, -28);

const nav = (page) => page.getByRole('navigation', { name: 'Menu główne' });

let household; // shared by the tests below (they run in order)
let applicationNumber;

test('pracownik: start na „Moje zadania”, karta środowiska, nowy wniosek z klawiatury i terminy', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  // The start page for case work is the worklist; the dashboard stays in the menu.
  await page.getByRole('heading', { level: 1, name: 'Moje zadania' }).waitFor();
  assert.match(page.url(), /\/zadania$/);
  const links = await nav(page).getByRole('link').allInnerTexts();
  assert.ok(links.includes('Moje zadania') && links.includes('Pulpit'), `menu: ${links}`);
  await page.locator('.empty').filter({ hasText: 'Brak zadań w tym okresie' }).waitFor();
  assert.equal(await page.locator('.results-count').getAttribute('aria-live'), 'polite');
  await checkA11y(page, 'zadania – puste');
  await shot(page, '80-zadania-puste');

  const { own } = await findHouseholds(page);
  household = own;
  const head = own.members.find((m) => m.relation === 'head') ?? own.members[0];

  // Osoby: the head is found by PESEL. Once the API sends the person's household_id the row links to the card;
  // until then the card is opened by its number from „Moje zadania” (keyboard: type, Enter).
  await nav(page).getByRole('link', { name: 'Osoby' }).click();
  await page.getByLabel('Nazwisko i imię lub PESEL').fill(head.person.pesel);
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
  const found = page.getByRole('row').filter({ hasText: head.person.pesel });
  await found.waitFor();
  await shot(page, '79-osoby-wynik');
  const apiPerson = await (await page.request.get(`/api/v1/persons/${head.person.id}`)).json();
  if ('household_id' in apiPerson) {
    await found.getByRole('link', { name: /^Karta środowiska/ }).click();
  } else {
    await nav(page).getByRole('link', { name: 'Moje zadania' }).click();
    await page.getByLabel('Numer środowiska').fill(String(own.id));
    await page.keyboard.press('Enter');
  }
  await page.getByRole('heading', { level: 1, name: new RegExp(`^Karta środowiska: ${own.address.street}`) }).waitFor();
  assert.match(await focusedText(page), /^h1:Karta środowiska/);
  const data = await page.getByRole('region', { name: 'Dane środowiska' }).innerText();
  assert.match(data, /Sekcja Pracy Socjalnej Nr 1/);
  assert.match(data, /Typ rodziny/);
  const members = page.getByRole('region', { name: 'Członkowie gospodarstwa domowego' });
  await members.getByRole('link', { name: `${head.person.first_name} ${head.person.last_name}` }).waitFor();
  assert.match(await members.innerText(), /Osoba prowadząca gospodarstwo/);
  await page.locator('.empty').filter({ hasText: 'nie ma jeszcze zarejestrowanych wniosków' }).waitFor();
  await checkA11y(page, 'karta środowiska');
  await shot(page, '81-karta-srodowiska');

  // A member's link leads to the person, and back to the card.
  await members.getByRole('link', { name: `${head.person.first_name} ${head.person.last_name}` }).click();
  await page.getByRole('heading', { level: 1, name: `${head.person.first_name} ${head.person.last_name}` }).waitFor();
  assert.match(await page.getByRole('region', { name: 'Dane osoby' }).innerText(), new RegExp(head.person.pesel));
  await checkA11y(page, 'osoba');
  await shot(page, '82-osoba');
  await page.getByRole('link', { name: 'Karta środowiska' }).click();
  await page.getByRole('heading', { level: 1, name: /^Karta środowiska/ }).waitFor();

  // "Nowy wniosek" with the keyboard.
  await page.getByRole('link', { name: 'Nowy wniosek' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /^Nowy wniosek/ }).waitFor();
  const form = page.getByRole('form', { name: 'Nowy wniosek' });
  const reasons = page.getByRole('group', { name: /Powody udzielenia pomocy/ });
  await reasons.getByText(`Brzmienie przepisu z dnia ${pl(TODAY)}`).waitFor();
  await reasons.getByLabel('pkt 7 — przemocy domowej').waitFor();
  assert.equal(await form.getByLabel('Data wpływu wniosku').inputValue(), TODAY);
  assert.equal(await form.getByLabel('Wnioskodawca').inputValue(), String(head.person.id));
  await checkA11y(page, 'nowy wniosek');

  // Every control is reachable with Tab, in order, up to the submit button.
  await page.getByRole('heading', { level: 1 }).focus();
  const reached = new Set();
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement;
      return el.labels?.[0]?.textContent.trim() || el.textContent.trim();
    });
    reached.add(name);
    if (name === 'Zarejestruj wniosek') break;
  }
  for (const name of ['Wnioskodawca', 'Na wniosek strony', 'Data wpływu wniosku', 'Sprawa pilna', 'Sprawa szczególnie skomplikowana',
    'zasiłek okresowy (art. 38)', 'pkt 1 — ubóstwa', 'Opis (opcjonalnie)', 'Zarejestruj wniosek']) {
    assert.ok(reached.has(name), `Tab reaches "${name}"`);
  }

  // The wording of art. 7 follows the date of receipt.
  await form.getByLabel('Data wpływu wniosku').fill('2023-01-01');
  await reasons.getByLabel('pkt 7 — przemocy w rodzinie').waitFor();
  await reasons.getByText('Brzmienie przepisu z dnia 01.01.2023').waitFor();

  // Choose with the keyboard: Space on checkboxes, typing into the description.
  const press = async (locator, key) => { await locator.focus(); await page.keyboard.press(key); };
  await press(form.getByLabel('zasiłek okresowy (art. 38)'), 'Space');
  await press(reasons.getByLabel('pkt 1 — ubóstwa'), 'Space');
  await press(reasons.getByLabel('pkt 4 — bezrobocia'), 'Space');
  await form.getByLabel('Opis (opcjonalnie)').focus();
  await page.keyboard.type('Utrata pracy, brak środków na opał.');

  // A date in the future: the server refuses it and the message sits at the date field.
  const tomorrow = addDays(TODAY, 1);
  await form.getByLabel('Data wpływu wniosku').fill(tomorrow);
  await reasons.getByText(`Brzmienie przepisu z dnia ${pl(tomorrow)}`).waitFor();
  assert.ok(await reasons.getByLabel('pkt 1 — ubóstwa').isChecked(), 'chosen reasons survive the reload');
  await press(form.getByRole('button', { name: 'Zarejestruj wniosek' }), 'Enter');
  const summary = form.locator('.error-summary');
  await summary.filter({ hasText: /nie może być późniejsza niż/ }).waitFor();
  assert.match(await focusedText(page), /^div:Wystąpił problem/);
  const date = form.getByLabel('Data wpływu wniosku');
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  const errId = (await date.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-error'));
  assert.match(await page.locator(`#${errId}`).innerText(), /nie może być późniejsza niż/);
  await checkA11y(page, 'nowy wniosek – błąd daty');
  await shot(page, '83-wniosek-blad-daty');

  // The summary link moves focus to the field.
  await summary.getByRole('link').click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'received_on');

  await form.getByLabel('Data wpływu wniosku').fill(RECEIVED);
  await reasons.getByText(`Brzmienie przepisu z dnia ${pl(RECEIVED)}`).waitFor();
  await press(form.getByRole('button', { name: 'Zarejestruj wniosek' }), 'Enter');
  const heading = page.getByRole('heading', { level: 1, name: /^Wniosek W\/\d{4}\/\d+$/ });
  await heading.waitFor();
  applicationNumber = (await heading.innerText()).replace('Wniosek ', '');
  const id = page.url().split('/').pop();
  const app = await (await page.request.get(`/api/v1/applications/${id}`)).json();
  assert.equal(app.number, applicationNumber);
  assert.equal(app.received_on, RECEIVED);
  const done = page.getByRole('main').getByRole('status').filter({ hasText: `Zarejestrowano wniosek ${applicationNumber}` });
  await done.waitFor();
  const doneText = await done.innerText();
  assert.match(doneText, new RegExp(`Termin wywiadu środowiskowego: ${pl(app.interview_due).replace(/\./g, '\\.')}`));
  assert.match(doneText, new RegExp(`Termin wydania decyzji: ${pl(app.decision_due).replace(/\./g, '\\.')}`));
  const details = await page.getByRole('region', { name: 'Dane wniosku' }).innerText();
  assert.match(details, /Termin wywiadu środowiskowego\s+\d\d\.\d\d\.\d{4} po terminie \d+ (dzień|dni)/);
  assert.match(details, /pkt 4 — bezrobocia/);
  assert.match(details, /zasiłek okresowy \(art\. 38\)/);
  await checkA11y(page, 'wniosek');
  await shot(page, '84-wniosek');

  // The household card's timeline shows it with its interview, overdue in words.
  await page.getByRole('link', { name: 'Karta środowiska' }).click();
  const item = page.locator('.timeline__item').filter({ hasText: `Wniosek ${applicationNumber}` });
  await item.waitFor();
  assert.match(await item.innerText(), /W toku/);
  assert.match(await item.innerText(), /Wywiad środowiskowy do wniosku — zaplanowany, termin \d\d\.\d\d\.\d{4} po terminie/);
  await checkA11y(page, 'karta z wnioskiem');
  await shot(page, '85-karta-z-wnioskiem');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('pracownik: wywiad środowiskowy (7 części), ukryty stan zdrowia, zaplanowana aktualizacja wywiadu', async () => {
  assert.ok(household && applicationNumber, 'runs after the application test');
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  await page.goto(`/srodowiska/${household.id}`);
  await page.locator('.timeline__item').filter({ hasText: `Wniosek ${applicationNumber}` })
    .getByRole('link', { name: /^Wniosek/ }).click();
  await page.getByRole('heading', { level: 1, name: `Wniosek ${applicationNumber}` }).waitFor();
  await page.getByRole('link', { name: /^Przeprowadź wywiad: Wywiad środowiskowy do wniosku/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Wywiad środowiskowy do wniosku:/ }).waitFor();

  const form = page.getByRole('form', { name: 'Kwestionariusz wywiadu' });
  assert.equal(await form.getByLabel('Data przeprowadzenia wywiadu').inputValue(), TODAY);
  const labels = ['Sytuacja rodzinna', 'Sytuacja mieszkaniowa', 'Stan zdrowia (kategoria szczególnie chroniona)', 'Sytuacja dochodowa',
    'Przyczyny trudnej sytuacji', 'Ocena sytuacji przez pracownika socjalnego', 'Proponowana pomoc'];
  for (const l of labels) await form.getByLabel(new RegExp(`^${l.replace(/[()]/g, '\\$&')}`)).waitFor();
  // pracownik has no restricted access: the form says the health part will be hidden from her.
  const health = form.getByLabel(/^Stan zdrowia/);
  const hintId = (await health.getAttribute('aria-describedby')).split(' ')[0];
  assert.match(await page.locator(`[id="${hintId}"]`).innerText(), /nie zobaczysz tej części/);

  // Without the assessment the interview is incomplete.
  await form.getByLabel(/^Sytuacja rodzinna/).fill('Matka z dwójką dzieci, ojciec nie płaci alimentów.');
  await form.getByRole('button', { name: 'Zapisz wywiad' }).click();
  await form.locator('.error-summary').filter({ hasText: 'Wpisz ocenę sytuacji' }).waitFor();
  assert.equal(await form.getByLabel(/^Ocena sytuacji/).getAttribute('aria-invalid'), 'true');

  await form.getByLabel(/^Sytuacja mieszkaniowa/).fill('Mieszkanie komunalne, 2 pokoje, zaległości czynszowe.');
  await health.fill('Dziecko z astmą, leczenie w poradni.');
  await form.getByLabel(/^Sytuacja dochodowa/).fill('Brak dochodu od 2 miesięcy.');
  await form.getByLabel(/^Przyczyny trudnej sytuacji/).fill('Bezrobocie, ubóstwo.');
  await form.getByLabel(/^Ocena sytuacji/).focus();
  await page.keyboard.type('Rodzina wymaga wsparcia finansowego i pomocy w poszukiwaniu pracy.');
  await form.getByLabel(/^Proponowana pomoc/).fill('Zasiłek okresowy, praca socjalna.');
  await checkA11y(page, 'wywiad – formularz');
  await shot(page, '86-wywiad-formularz');
  await form.getByRole('button', { name: 'Zapisz wywiad' }).focus();
  await page.keyboard.press('Enter');

  // Back on the application: saved, and the 6-month update interview is planned (continuing help).
  await page.getByRole('heading', { level: 1, name: `Wniosek ${applicationNumber}` }).waitFor();
  const done = page.getByRole('main').getByRole('status').filter({ hasText: `Zapisano wywiad przeprowadzony ${pl(TODAY)}` });
  await done.waitFor();
  const doneText = await done.innerText();
  assert.match(doneText, /Zaplanowano aktualizację wywiadu z terminem \d\d\.\d\d\.\d{4}/);
  assert.match(doneText, /nie jest dla Ciebie widoczna/);
  const rows = page.getByRole('region', { name: 'Wywiady środowiskowe' }).getByRole('row');
  await rows.filter({ hasText: 'Aktualizacja wywiadu (pomoc ciągła)' }).filter({ hasText: 'Zaplanowany' }).waitFor();
  await rows.filter({ hasText: 'Wywiad środowiskowy do wniosku' }).filter({ hasText: 'Przeprowadzony' }).waitFor();
  await checkA11y(page, 'wniosek po wywiadzie');
  await shot(page, '87-wniosek-po-wywiadzie');

  // The completed interview, read-only: the health part is hidden and the page says why.
  await page.getByRole('link', { name: /^Zobacz wywiad/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Wywiad środowiskowy do wniosku:/ }).waitFor();
  const parts = page.getByRole('region', { name: 'Kwestionariusz wywiadu' });
  assert.match(await parts.innerText(), /Rodzina wymaga wsparcia finansowego/);
  assert.match(await parts.innerText(), /Treść ukryta\. Stan zdrowia to kategoria szczególnie chroniona/);
  assert.doesNotMatch(await parts.innerText(), /astmą/);
  await checkA11y(page, 'wywiad – podgląd');
  await shot(page, '88-wywiad-podglad');
  await page.context().close();
});

test('pracownik: lista zadań (okres 7/14/30 dni) i wywiad w związku ze zmianą sytuacji', async () => {
  assert.ok(household && applicationNumber, 'runs after the application test');
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  await page.getByRole('heading', { level: 1, name: 'Moje zadania' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: applicationNumber }).filter({ hasText: 'Decyzja do wydania' });
  await row.first().waitFor();
  const text = await row.first().innerText();
  assert.match(text, /\d\d\.\d\d\.\d{4}/);
  assert.match(text, /(za \d+ (dzień|dni)|termin dziś)/);
  assert.match(text, new RegExp(household.address.street));
  assert.match(await page.locator('.results-count').innerText(), /zadani/);
  await checkA11y(page, 'zadania');
  await shot(page, '89-zadania');

  // Plan a change-of-situation interview from the card (disclosure, then Space/Enter).
  await row.first().getByRole('link', { name: /^Karta środowiska/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Karta środowiska/ }).waitFor();
  const opener = page.getByRole('button', { name: 'Wywiad — zmiana sytuacji' });
  assert.equal(await opener.getAttribute('aria-expanded'), 'false');
  await opener.focus();
  await page.keyboard.press('Enter');
  assert.equal(await opener.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'urgent');
  await shot(page, '90-karta-zmiana-sytuacji');
  await page.getByRole('button', { name: 'Zaplanuj wywiad' }).click();
  const planned = page.getByRole('main').getByRole('status').filter({ hasText: 'Zaplanowano wywiad w związku ze zmianą sytuacji' });
  await planned.waitFor();
  const due = (await planned.innerText()).match(/Termin: (\d\d)\.(\d\d)\.(\d{4})/);
  assert.ok(due);
  const dueIso = `${due[3]}-${due[2]}-${due[1]}`;

  // 14 working days ahead: not within 7 days, within 30.
  await nav(page).getByRole('link', { name: 'Moje zadania' }).click();
  await page.getByRole('heading', { level: 1, name: 'Moje zadania' }).waitFor();
  await page.getByLabel('7 dni').check();
  await page.locator('.results-count').filter({ hasText: pl(addDays(TODAY, 7)) }).waitFor();
  assert.match(page.url(), /\?dni=7$/);
  assert.equal(await page.getByRole('row').filter({ hasText: 'bez wniosku (zmiana sytuacji)' }).count(), 0);
  await page.getByLabel('30 dni').check();
  await page.locator('.results-count').filter({ hasText: pl(addDays(TODAY, 30)) }).waitFor();
  const change = page.getByRole('row').filter({ hasText: 'bez wniosku (zmiana sytuacji)' });
  await change.waitFor();
  assert.match(await change.innerText(), new RegExp(pl(dueIso).replace(/\./g, '\\.')));
  assert.match(await change.innerText(), /Wywiad środowiskowy do przeprowadzenia/);
  await checkA11y(page, 'zadania – 30 dni');
  await shot(page, '91-zadania-30-dni');

  // The change interview opens from the worklist as a form.
  await change.getByRole('link', { name: /^Wywiad:/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Wywiad — zmiana sytuacji:/ }).waitFor();
  await page.getByRole('form', { name: 'Kwestionariusz wywiadu' }).waitFor();
  assert.match(await page.getByRole('region', { name: 'Dane wywiadu' }).innerText(), /Bez wniosku — zmiana sytuacji/);
  await checkA11y(page, 'wywiad – zmiana sytuacji');

  // Completed, it is listed on the household card among the interviews without an application and
  // opens read-only from there (GET /interviews/{id}).
  const changeForm = page.getByRole('form', { name: 'Kwestionariusz wywiadu' });
  await changeForm.getByLabel(/^Ocena sytuacji/).fill('Utrata pracy przez wnioskodawcę; sytuacja wymaga ponownej oceny.');
  await changeForm.getByRole('button', { name: 'Zapisz wywiad' }).click();
  await page.getByRole('heading', { level: 1, name: /^Karta środowiska/ }).waitFor();
  await page.getByRole('main').getByRole('status').filter({ hasText: `Zapisano wywiad przeprowadzony ${pl(TODAY)}` }).waitFor();
  const standalone = page.getByRole('list', { name: 'Wywiady bez wniosku' }).getByRole('listitem')
    .filter({ hasText: `przeprowadzony ${pl(TODAY)}` });
  await standalone.waitFor();
  assert.match(await standalone.innerText(), /Wywiad — zmiana sytuacji/);
  await shot(page, '91a-karta-wywiad-bez-wniosku');
  await standalone.getByRole('link', { name: /^Zobacz wywiad/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Wywiad — zmiana sytuacji:/ }).waitFor();
  assert.match(await page.getByRole('main').innerText(), /Utrata pracy przez wnioskodawcę/);
  assert.equal(await page.getByRole('form', { name: 'Kwestionariusz wywiadu' }).count(), 0);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('kierownik widzi zadania według sekcji i pracowników i zawęża listę do sekcji i pracownika', async () => {
  assert.ok(applicationNumber, 'runs after the application test');
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'kierownik');
  await page.getByRole('heading', { level: 1, name: 'Moje zadania' }).waitFor();
  await page.getByRole('row').filter({ hasText: applicationNumber }).first().waitFor();
  const counts = page.getByRole('region', { name: 'Zadania według pracowników' });
  const worker = counts.getByRole('row').filter({ hasText: 'Paulina Pracownik' });
  await worker.waitFor();
  assert.match(await worker.innerText(), /Paulina Pracownik\s+\d+\s+\d+\s+\d+/);
  // Per section: the section of the new application is there, with its counts.
  const bySection = page.getByRole('region', { name: 'Zadania według sekcji' });
  const section1 = bySection.getByRole('row').filter({ hasText: 'Sekcja Pracy Socjalnej Nr 1' }).first();
  await section1.waitFor();
  const [, overdue, upcoming, total] = (await section1.innerText()).split(/\t|\n/).map((x) => x.trim()).filter(Boolean);
  assert.equal(Number(overdue) + Number(upcoming), Number(total));
  const all = (await api.get(page, '/api/v1/worklist?days=14')).json;
  await checkA11y(page, 'zadania – kierownik');
  await shot(page, '92-zadania-kierownik');

  // Keyboard: choose the section, then the worker; the list, the address and the counts follow.
  const sectionId = all.by_section.find((c) => /Nr 1\b/.test(c.section_name)).section_id;
  await page.getByLabel('Sekcja', { exact: true }).focus();
  await page.getByLabel('Sekcja', { exact: true }).selectOption(String(sectionId));
  await page.waitForURL(new RegExp(`sekcja=${sectionId}`));
  const inSection = (await api.get(page, `/api/v1/worklist?days=14&section_id=${sectionId}`)).json;
  await page.locator('.results-count').filter({ hasText: new RegExp(`^${inSection.items.length} zada`) }).waitFor();
  const paulina = inSection.by_worker.find((c) => c.worker_name === 'Paulina Pracownik');
  await page.getByLabel('Pracownik', { exact: true }).selectOption(String(paulina.worker_id));
  await page.waitForURL(new RegExp(`pracownik=${paulina.worker_id}`));
  const hers = paulina.overdue + paulina.upcoming;
  await page.locator('.results-count').filter({ hasText: new RegExp(`^${hers} zada`) }).waitFor();
  assert.equal(await page.getByRole('table', { name: /^Zadania na najbliższe/ }).locator('tbody tr').count(), hers);
  await page.getByRole('row').filter({ hasText: applicationNumber }).first().waitFor();
  // Still every section in the counts, whatever the choice.
  assert.equal(await bySection.locator('tbody tr').count(), all.by_section.length);
  await checkA11y(page, 'zadania – kierownik, sekcja i pracownik');
  await shot(page, '93-zadania-kierownik-sekcja');
  // A section outside the manager's scope, typed into the address: the server's refusal is shown.
  const me = (await api.get(page, '/api/v1/me')).json;
  const foreign = (await api.get(page, '/api/v1/sections')).json.items.find((s) => !me.sections.some((m) => m.id === s.id));
  if (foreign) {
    await page.goto(`/zadania?sekcja=${foreign.id}`);
    await page.getByRole('alert').filter({ hasText: 'poza Twoim zakresem' }).waitFor();
  }
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('odmowy: analityk nie ma dostępu do spraw; pracownik — środowisko innej sekcji (403 z komunikatem)', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  const { own, other } = await findHouseholds(page);
  // Opened by its number from „Moje zadania”: the server's 403 message, not the generic „Brak dostępu”.
  await page.getByRole('heading', { level: 1, name: 'Moje zadania' }).waitFor();
  await page.getByLabel('Numer środowiska').fill('abc');
  await page.getByRole('button', { name: 'Otwórz kartę' }).click();
  await page.getByRole('form', { name: 'Otwórz kartę środowiska' }).locator('.error-summary').filter({ hasText: 'Numer środowiska to liczba' }).waitFor();
  await page.getByLabel('Numer środowiska').fill(String(other));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Środowisko poza Twoim zakresem' }).waitFor();
  assert.match(page.url(), new RegExp(`/srodowiska/${other}$`));
  const message = page.locator('.notice--warning');
  assert.match(await message.innerText(), /nie należy do Twojej sekcji ani nie jest Ci przydzielone/);
  assert.equal(await page.getByRole('button', { name: 'Nowy wniosek' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Nowy wniosek' }).count(), 0);
  await page.getByText('Sytuacja nagła — dostęp awaryjny').waitFor();
  await checkA11y(page, 'poza zakresem');
  await shot(page, '93-poza-zakresem');
  // The wizard for that household gives the same message, not a form.
  await page.goto(`/srodowiska/${other}/nowy-wniosek`);
  await page.getByRole('heading', { level: 1, name: 'Środowisko poza Twoim zakresem' }).waitFor();
  assert.equal(await page.getByRole('form', { name: 'Nowy wniosek' }).count(), 0);
  await page.context().close();

  const analyst = await newPage(browser, server.baseUrl);
  await login(analyst, 'analityk');
  // No case permission: the dashboard is the start page and there is no worklist in the menu.
  await analyst.getByRole('heading', { level: 1, name: /Dzień dobry/ }).waitFor();
  assert.ok(!(await nav(analyst).getByRole('link').allInnerTexts()).includes('Moje zadania'));
  await analyst.goto(`/srodowiska/${own.id}`);
  await analyst.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
  await checkA11y(analyst, 'analityk – karta środowiska');
  await shot(analyst, '94-analityk-brak-dostepu');
  assert.equal((await analyst.request.get(`/api/v1/households/${own.id}`)).status(), 403);
  await analyst.goto('/zadania');
  await analyst.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
  await analyst.context().close();
});

test('wąski ekran (320 px): zadania, karta środowiska i wniosek bez poziomego przewijania', async () => {
  assert.ok(household && applicationNumber, 'runs after the application test');
  const page = await newPage(browser, server.baseUrl);
  await page.setViewportSize({ width: 320, height: 800 });
  await login(page, 'pracownik');
  const app = (await (await page.request.get(`/api/v1/households/${household.id}/applications`)).json()).items[0];
  await checkReflow(page, [['/zadania?dni=30', '95-waski-zadania'], [`/srodowiska/${household.id}`, '96-waski-karta'],
    [`/wnioski/${app.id}`, '97-waski-wniosek'], [`/srodowiska/${household.id}/nowy-wniosek`, '98-waski-nowy-wniosek']]);
  await page.context().close();
});

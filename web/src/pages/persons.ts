// Osoby (cases.read): search by surname [first name] or PESEL, search of households by address (street prefix,
// house, flat, locality; results link to the household card); register a person (cases.write) by PESEL or by an
// identity document, with the live PESEL check and the likely-duplicate confirmation.
import { api, ApiError, query } from '../api';
import { announce, append, h, replaceChildren, uid } from '../dom';
import { FAMILY_TYPE_LABELS, label } from '../labels';
import type { Household, Id, Items, Person } from '../model';
import type { PageContext } from '../router';
import { can } from '../session';
import {
  button, clearFormErrors, emptyState, formValues, inputField, loading, notice, radioGroup, section, selectField, showFormErrors,
  table, toApiError, type FieldError,
} from '../ui';
import { householdAddress, householdHref, householdStreet, personHref } from './case-common';

export type { Person };
interface Duplicate { id: Id; first_name: string; last_name: string; birth_date: string }
interface PeselCheck { valid: boolean; birth_date: string | null; sex: 'K' | 'M' | null; error: string | null }

const LIMIT = 50;
export const SEX_LABELS: Record<string, string> = { K: 'kobieta', M: 'mężczyzna' };
const DOCUMENT_TYPES: [string, string][] = [
  ['dowód osobisty', 'Dowód osobisty'], ['paszport', 'Paszport'], ['karta pobytu', 'Karta pobytu'], ['inny', 'Inny dokument'],
];

/** "2002-07-08" → "08.07.2002" (dates of birth are calendar dates: no time zone conversion). */
export function formatBirthDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso || '—';
}

export function identity(p: Person): string {
  if (p.pesel) return `PESEL ${p.pesel}`;
  const doc = [p.document_type, p.document_number].filter(Boolean).join(' ');
  return doc || '—';
}

export function renderPersons(ctx: PageContext): void {
  append(ctx.content,
    h('p', { class: 'lead' }, 'Wyszukaj osobę przed rejestracją, aby nie zakładać jej drugi raz.'),
    searchSection(ctx),
    addressSection(ctx),
    can('cases.write') ? registerSection() : null);
}

// ---------- search ----------

function searchSection(ctx: PageContext): HTMLElement {
  const initial = ctx.query.get('szukaj') ?? '';
  const results = h('div', { class: 'result' });
  const form = h('form', { class: 'form', role: 'search', 'aria-label': 'Wyszukiwanie osób', novalidate: true },
    h('div', { class: 'field-row' },
      inputField({
        label: 'Nazwisko i imię lub PESEL', name: 'szukaj', required: true, value: initial, autocomplete: 'off', spellcheck: false,
        hint: 'Np. „Kowalska Anna”, „kowal” albo 11 cyfr numeru PESEL. Polskie znaki można pominąć.',
      }),
      button('Szukaj', { type: 'submit' })));

  const run = async (text: string) => {
    const params = searchQuery(text);
    if (!params) return showFormErrors(form, [{ field: 'szukaj', message: SEARCH_TOO_SHORT }]);
    clearFormErrors(form);
    history.replaceState(null, '', `${location.pathname}${query({ szukaj: text })}`);
    replaceChildren(results, loading('Szukam osób…'));
    try {
      const res = await api.get<Items<Person>>(`/persons${query(params)}`);
      if (!ctx.isCurrent()) return;
      drawResults(results, text, res.items);
    } catch (err) {
      if (!ctx.isCurrent()) return;
      const e = toApiError(err);
      replaceChildren(results);
      if (e.status === 400) return showFormErrors(form, [{ field: 'szukaj', message: e.message }]);
      replaceChildren(results, notice('error', h('p', null, e.message),
        h('p', null, button('Spróbuj ponownie', { kind: 'secondary', onClick: () => void run(text) }))));
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(formValues(form).szukaj ?? '');
  });
  if (initial) void run(initial.trim());
  return section('Wyszukiwanie', form, results);
}

function drawResults(holder: HTMLElement, text: string, items: Person[]): void {
  if (!items.length) {
    replaceChildren(holder, emptyState(`Nie znaleziono osób dla „${text}”.`,
      h('p', null, can('cases.write') ? 'Sprawdź pisownię albo zarejestruj osobę poniżej.' : 'Sprawdź pisownię i spróbuj ponownie.')));
    announce(`Nie znaleziono osób dla „${text}”.`);
    return;
  }
  const count = items.length >= LIMIT ? `pierwsze ${items.length}` : String(items.length);
  // The household column appears once the API sends the person's current household (household_id).
  const withHousehold = items.some((p) => p.household_id !== undefined);
  replaceChildren(holder,
    table(`Znalezione osoby (${count})`, ['Nazwisko', 'Imię', 'PESEL lub dokument', 'Data urodzenia', ...(withHousehold ? ['Środowisko'] : [])],
      items.map((p) => [
        h('a', { href: personHref(p.id), 'aria-label': `${p.last_name} ${p.first_name} — dane osoby` }, p.last_name),
        p.first_name, identity(p), formatBirthDate(p.birth_date),
        ...(withHousehold
          ? [p.household_id ? h('a', { href: householdHref(p.household_id), 'aria-label': `Karta środowiska: ${p.last_name} ${p.first_name}` }, 'Karta środowiska') : 'bez środowiska']
          : []),
      ])),
    items.length >= LIMIT ? h('p', { class: 'hint' }, `Pokazano pierwsze ${LIMIT} wyników. Dopisz więcej liter nazwiska lub imię, aby zawęzić wyszukiwanie.`) : null);
  announce(`Znaleziono osób: ${count}.`);
}

/** „Kowalska Anna” or a PESEL: what the search field takes; the message when it is too short. */
function searchQuery(text: string): { pesel: string } | { q: string; limit: number } | null {
  if (/^\d{11}$/.test(text)) return { pesel: text };
  return text.replace(/[^\p{L}]/gu, '').length < 2 ? null : { q: text, limit: LIMIT };
}
const SEARCH_TOO_SHORT = 'Wpisz co najmniej 2 pierwsze litery nazwiska albo 11 cyfr numeru PESEL.';

export interface PersonPicker { element: HTMLElement; chosen: () => Person | null; searched: () => boolean }

/**
 * Choosing a registered person inside a form: a search field (surname [first name] or PESEL, as „Wyszukiwanie”) and
 * the results as a fieldset of radio buttons named `name` (value: the person's id; the hint says their identity and
 * household), so that the server's error about the person lands at that group. Enter in the field searches instead
 * of submitting the form; the number found is announced.
 */
export function personPicker(opts: { name: string; legend: string; exclude?: Id[]; initial?: string }): PersonPicker {
  const found = new Map<string, Person>();
  const exclude = new Set((opts.exclude ?? []).map(String));
  const searchName = `${opts.name}-szukaj`;
  const results = h('div', { class: 'result' });
  const field = inputField({
    label: 'Wyszukaj osobę', name: searchName, required: true, value: opts.initial, autocomplete: 'off', spellcheck: false,
    hint: 'Nazwisko [imię] albo 11 cyfr numeru PESEL. Polskie znaki można pominąć.',
  });
  const input = field.querySelector('input')!;
  let searched = false;
  const run = async () => {
    const form = input.closest('form')!;
    const text = input.value.trim();
    const params = searchQuery(text);
    if (!params) return showFormErrors(form, [{ field: searchName, message: SEARCH_TOO_SHORT }]);
    clearFormErrors(form);
    replaceChildren(results, loading('Szukam osób…'));
    try {
      const res = await api.get<Items<Person>>(`/persons${query(params)}`);
      const items = res.items.filter((p) => !exclude.has(String(p.id)));
      found.clear();
      items.forEach((p) => found.set(String(p.id), p));
      searched = true;
      if (!items.length) {
        replaceChildren(results, emptyState(`Nie znaleziono osób dla „${text}”.`));
        announce(`Nie znaleziono osób dla „${text}”.`);
        return;
      }
      replaceChildren(results, radioGroup(opts.legend, opts.name, items.map((p) => [String(p.id),
        `${p.last_name} ${p.first_name}, ur. ${formatBirthDate(p.birth_date)}`,
        `${identity(p)} · ${p.household_id ? `środowisko nr ${p.household_id}` : 'bez środowiska'}`]), ''));
      announce(`Znaleziono osób: ${items.length}. Wybierz osobę z listy.`);
    } catch (err) {
      replaceChildren(results);
      showFormErrors(form, [{ field: searchName, message: toApiError(err).message }]);
    }
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); void run(); }
  });
  const element = h('div', { class: 'person-picker' },
    h('div', { class: 'field-row' }, field, button('Szukaj osoby', { kind: 'secondary', onClick: () => void run() })),
    results);
  return {
    element,
    searched: () => searched,
    chosen: () => found.get(element.querySelector<HTMLInputElement>(`input[name="${opts.name}"]:checked`)?.value ?? '') ?? null,
  };
}

// ---------- search by address ----------

/** The form's fields (kept in the URL) → the API's query parameters. */
const ADDRESS_PARAMS: [string, string][] = [['ulica', 'street'], ['dom', 'house'], ['lokal', 'flat'], ['miejscowosc', 'locality']];

function addressSection(ctx: PageContext): HTMLElement {
  const initial = Object.fromEntries(ADDRESS_PARAMS.map(([field]) => [field, ctx.query.get(field) ?? '']));
  const results = h('div', { class: 'result' });
  const form = h('form', { class: 'form', role: 'search', 'aria-label': 'Wyszukiwanie środowisk po adresie', novalidate: true },
    h('div', { class: 'field-row' },
      inputField({
        label: 'Ulica', name: 'ulica', required: true, value: initial.ulica, autocomplete: 'off', spellcheck: false,
        hint: 'Początek nazwy ulicy, np. „glowackiego” albo „łęcz”. Polskie znaki można pominąć.',
      }),
      inputField({ label: 'Numer domu', name: 'dom', width: 'short', value: initial.dom, autocomplete: 'off',
        hint: 'Np. 12 (także 12a, 12/3) albo 12a.' }),
      inputField({ label: 'Numer lokalu', name: 'lokal', width: 'short', value: initial.lokal, autocomplete: 'off' }),
      inputField({ label: 'Miejscowość', name: 'miejscowosc', value: initial.miejscowosc, autocomplete: 'off' })),
    button('Szukaj środowisk', { type: 'submit' }));

  const run = async (v: Record<string, string>) => {
    const errors: FieldError[] = [];
    if ((v.ulica ?? '').replace(/^ul\.?\s*/i, '').replace(/[^\p{L}\p{N}]/gu, '').length < 2) {
      errors.push({ field: 'ulica', message: 'Wpisz co najmniej 2 pierwsze litery nazwy ulicy.' });
    }
    if (v.lokal && !v.dom) errors.push({ field: 'dom', message: 'Numer lokalu podaj razem z numerem domu.' });
    if (errors.length) return showFormErrors(form, errors);
    clearFormErrors(form);
    history.replaceState(null, '', `${location.pathname}${query(Object.fromEntries(ADDRESS_PARAMS.map(([f]) => [f, v[f]])))}`);
    replaceChildren(results, loading('Szukam środowisk…'));
    try {
      const params = Object.fromEntries(ADDRESS_PARAMS.map(([f, param]) => [param, v[f]]));
      const res = await api.get<Items<Household>>(`/households${query({ ...params, limit: LIMIT })}`);
      if (!ctx.isCurrent()) return;
      drawHouseholds(results, v, res.items);
    } catch (err) {
      if (!ctx.isCurrent()) return;
      const e = toApiError(err);
      replaceChildren(results);
      if (e.status === 400) {
        const field = ADDRESS_PARAMS.find(([, param]) => param === e.field)?.[0];
        return showFormErrors(form, [{ field: field === 'lokal' ? 'dom' : field, message: e.message }]);
      }
      replaceChildren(results, notice('error', h('p', null, e.message),
        h('p', null, button('Spróbuj ponownie', { kind: 'secondary', onClick: () => void run(v) }))));
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(formValues(form));
  });
  if (initial.ulica) void run(Object.fromEntries(Object.entries(initial).map(([k, x]) => [k, x.trim()])));
  return section('Wyszukiwanie po adresie', form, results);
}

/** "Zana 14/2" with the house and flat the user typed, for the messages. */
function typedAddress(v: Record<string, string>): string {
  return [v.ulica, [v.dom, v.lokal].filter(Boolean).join('/'), v.miejscowosc ? `(${v.miejscowosc})` : ''].filter(Boolean).join(' ');
}

function drawHouseholds(holder: HTMLElement, v: Record<string, string>, items: Household[]): void {
  if (!items.length) {
    const text = `Nie znaleziono środowisk pod adresem „${typedAddress(v)}”.`;
    replaceChildren(holder, emptyState(text, h('p', null, 'Sprawdź pisownię ulicy. Widać tylko środowiska Twoich sekcji i przydzielone Tobie.')));
    announce(text);
    return;
  }
  const count = items.length >= LIMIT ? `pierwsze ${items.length}` : String(items.length);
  replaceChildren(holder,
    table(`Znalezione środowiska (${count})`, ['Adres', 'Członkowie gospodarstwa', 'Typ rodziny', 'Sekcja'],
      items.map((hh) => {
        const members = [...hh.members].sort((a, b) => (a.relation === 'head' ? -1 : b.relation === 'head' ? 1 : 0));
        return [
          h('a', { href: householdHref(hh.id), 'aria-label': `Karta środowiska: ${householdAddress(hh.address)}` }, householdAddress(hh.address)),
          members.length
            ? h('ul', { class: 'plain-list' }, members.map((m) => h('li', null,
                h('a', { href: personHref(m.person.id, hh.id) }, `${m.person.last_name} ${m.person.first_name}`),
                `, ur. ${formatBirthDate(m.person.birth_date)}`)))
            : 'brak obecnych członków',
          label(FAMILY_TYPE_LABELS, hh.family_type),
          hh.section_name || '—',
        ];
      })),
    items.length >= LIMIT ? h('p', { class: 'hint' }, `Pokazano pierwsze ${LIMIT} środowisk. Podaj numer domu lub pełną nazwę ulicy, aby zawęzić wyszukiwanie.`) : null);
  announce(`Znaleziono środowisk: ${count}. Pierwsze: ${householdStreet(items[0].address)}.`);
}

// ---------- registration ----------

function radio(name: string, value: string, label: string, checked: boolean): HTMLElement {
  const id = uid(`r-${name}`);
  return h('div', { class: 'checkbox' },
    h('input', { type: 'radio', id, name, value, checked }),
    h('label', { for: id }, label));
}

function registerSection(): HTMLElement {
  const status = h('div', { class: 'status-area' });
  const peselInfoId = uid('pesel-info');
  const peselInfo = h('p', { class: 'hint pesel-info', id: peselInfoId, 'aria-live': 'polite' });

  const peselPart = h('div', { 'data-mode': 'pesel' },
    inputField({ label: 'PESEL', name: 'pesel', required: true, width: 'short', inputmode: 'numeric', autocomplete: 'off',
      hint: '11 cyfr. Data urodzenia i płeć zostaną odczytane z numeru.' }),
    peselInfo);
  const docPart = h('div', { 'data-mode': 'document', hidden: true },
    h('div', { class: 'field-row' },
      selectField({ label: 'Rodzaj dokumentu', name: 'document_type', required: true, options: DOCUMENT_TYPES, emptyLabel: 'Wybierz' }),
      inputField({ label: 'Numer dokumentu', name: 'document_number', required: true, autocomplete: 'off', spellcheck: false })),
    h('div', { class: 'field-row' },
      inputField({ label: 'Data urodzenia', name: 'birth_date', type: 'date', required: true, width: 'short' }),
      selectField({ label: 'Płeć', name: 'sex', required: true, options: [['K', 'Kobieta'], ['M', 'Mężczyzna']], emptyLabel: 'Wybierz' })));

  const form = h('form', { class: 'form', novalidate: true },
    h('fieldset', { class: 'fieldset field', 'data-field': 'mode' },
      h('legend', { class: 'legend' }, 'Identyfikacja osoby'),
      radio('mode', 'pesel', 'Ma numer PESEL', true),
      radio('mode', 'document', 'Nie ma numeru PESEL — dokument tożsamości', false)),
    peselPart,
    docPart,
    h('div', { class: 'field-row' },
      inputField({ label: 'Nazwisko', name: 'last_name', required: true, autocomplete: 'off' }),
      inputField({ label: 'Imię', name: 'first_name', required: true, autocomplete: 'off' })),
    h('div', { class: 'field-row' },
      inputField({ label: 'Obywatelstwo', name: 'citizenship', width: 'short', value: 'PL', autocomplete: 'off',
        hint: 'Dwuliterowy kod kraju, np. PL, UA.' }),
      inputField({ label: 'Telefon', name: 'phone', type: 'tel', autocomplete: 'off' })),
    button('Zarejestruj osobę', { type: 'submit' }));

  const peselInput = peselPart.querySelector<HTMLInputElement>('input[name=pesel]')!;
  peselInput.setAttribute('aria-describedby', [peselInput.getAttribute('aria-describedby'), peselInfoId].filter(Boolean).join(' '));

  const mode = () => (form.querySelector<HTMLInputElement>('input[name=mode]:checked')?.value ?? 'pesel');
  form.querySelectorAll<HTMLInputElement>('input[name=mode]').forEach((r) => r.addEventListener('change', () => {
    const doc = mode() === 'document';
    peselPart.hidden = doc;
    docPart.hidden = !doc;
    clearFormErrors(form);
  }));

  // Live PESEL check (debounced): the derived birth date and sex, or why the number is wrong.
  let timer = 0;
  let seq = 0;
  peselInput.addEventListener('input', () => {
    window.clearTimeout(timer);
    const value = peselInput.value.trim();
    const mine = ++seq;
    if (!value) { peselInfo.textContent = ''; return; }
    if (!/^\d*$/.test(value)) { timer = window.setTimeout(() => { peselInfo.textContent = 'PESEL składa się wyłącznie z cyfr.'; }, 400); return; }
    if (value.length !== 11) {
      timer = window.setTimeout(() => { if (mine === seq) peselInfo.textContent = `Wpisano ${value.length} z 11 cyfr.`; }, 600);
      return;
    }
    timer = window.setTimeout(async () => {
      try {
        const res = await api.get<PeselCheck>(`/rules/validate/pesel/${encodeURIComponent(value)}`);
        if (mine !== seq) return;
        peselInfo.textContent = res.valid
          ? `Data urodzenia: ${formatBirthDate(res.birth_date)}, płeć: ${SEX_LABELS[res.sex ?? ''] ?? '—'}.`
          : `Nieprawidłowy PESEL: ${res.error ?? 'błędna suma kontrolna'}`;
      } catch {
        if (mine === seq) peselInfo.textContent = '';
      }
    }, 300);
  });

  const submit = async (allowDuplicate: boolean) => {
    const v = formValues(form);
    const byPesel = mode() === 'pesel';
    const errors: FieldError[] = [];
    if (byPesel) {
      if (!v.pesel) errors.push({ field: 'pesel', message: 'Wpisz numer PESEL.' });
      else if (!/^\d{11}$/.test(v.pesel)) errors.push({ field: 'pesel', message: 'PESEL to 11 cyfr.' });
    } else {
      if (!v.document_type) errors.push({ field: 'document_type', message: 'Wybierz rodzaj dokumentu.' });
      if (!v.document_number) errors.push({ field: 'document_number', message: 'Wpisz numer dokumentu.' });
      if (!v.birth_date) errors.push({ field: 'birth_date', message: 'Podaj datę urodzenia.' });
      if (!v.sex) errors.push({ field: 'sex', message: 'Wybierz płeć.' });
    }
    if (!v.last_name) errors.push({ field: 'last_name', message: 'Wpisz nazwisko.' });
    if (!v.first_name) errors.push({ field: 'first_name', message: 'Wpisz imię.' });
    if (v.citizenship && !/^[A-Za-z]{2}$/.test(v.citizenship)) errors.push({ field: 'citizenship', message: 'Obywatelstwo: dwuliterowy kod kraju (np. PL, UA).' });
    if (errors.length) return showFormErrors(form, errors);

    const body: Record<string, unknown> = {
      first_name: v.first_name, last_name: v.last_name, citizenship: (v.citizenship || 'PL').toUpperCase(),
      phone: v.phone || undefined, allow_duplicate: allowDuplicate || undefined,
    };
    if (byPesel) body.pesel = v.pesel;
    else Object.assign(body, { document_type: v.document_type, document_number: v.document_number, birth_date: v.birth_date, sex: v.sex });
    try {
      const p = await api.post<Person>('/persons', body);
      clearFormErrors(form);
      form.reset();
      docPart.hidden = true;
      peselPart.hidden = false;
      peselInfo.textContent = '';
      const done = notice('success', h('p', null,
        `Zarejestrowano osobę: ${p.last_name} ${p.first_name}, ur. ${formatBirthDate(p.birth_date)} (${identity(p)}).`),
        h('p', null, h('a', { href: personHref(p.id) }, 'Otwórz kartę osoby'),
          h('span', { class: 'hint' }, ' — tam założysz dla niej środowisko.')));
      done.tabIndex = -1;
      replaceChildren(status, done);
      done.focus();
    } catch (err) {
      replaceChildren(status);
      const e = toApiError(err);
      if (e.status === 409 && e.field === 'allow_duplicate') return showDuplicates(e);
      let field = e.field || undefined;
      if (!byPesel && field === 'pesel') field = 'document_number';
      if (byPesel && (field === 'birth_date' || field === 'sex')) field = 'pesel';
      showFormErrors(form, [{ field, message: e.message }]);
    }
  };

  const showDuplicates = (e: ApiError) => {
    const dups = (e.body?.duplicates ?? []) as Duplicate[];
    const hidden = Number(e.body?.duplicates_outside_scope ?? 0);
    showFormErrors(form, [{ message: e.message }], h('div', { class: 'duplicates' },
      dups.length ? [
        h('p', null, 'Osoby już zarejestrowane:'),
        h('ul', null, dups.map((d) => h('li', null,
          h('a', { href: personHref(d.id) }, `${d.last_name} ${d.first_name}`), `, ur. ${formatBirthDate(d.birth_date)}`))),
      ] : null,
      hidden ? h('p', null, `Osoby o tych danych w środowiskach spoza Twojego zakresu: ${hidden}. Ich dane nie są pokazywane.`) : null,
      button('To inna osoba — dodaj mimo to', { kind: 'secondary', onClick: () => void submit(true) })));
  };

  form.addEventListener('submit', (e) => { e.preventDefault(); void submit(false); });
  return section('Zarejestruj osobę', status, form);
}

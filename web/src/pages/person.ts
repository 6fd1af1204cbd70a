// Osoba (cases.read): identity, contact and social data of one person (GET /persons/{id}, an audited read) with the
// registered and the actual address („Zmień adresy” with cases.write: PATCH /persons/{id}), and
// the person's history across the households they lived in (GET /persons/{id}/timeline; only households in the
// user's scope). Restricted categories are shown only to users with restricted access; others are told that
// something is hidden.
import { api } from '../api';
import { append, h, uid } from '../dom';
import {
  APPLICATION_STATUS_LABELS, CONTRACT_OUTCOME_LABELS, DECISION_KIND_LABELS, DECISION_STATE_LABELS, INTERVIEW_KIND_LABELS,
  INTERVIEW_STATUS_LABELS, PAYMENT_STATUS_LABELS, RELATION_LABELS, SERVICE_KIND_LABELS, SERVICE_SUBTYPE_LABELS,
  SOCIAL_WORK_KIND_LABELS, FAMILY_TYPE_LABELS, formatDay, formatMoney, label,
} from '../labels';
import type { CreatedHousehold, FormOfHelp, Person, TimelineItem } from '../model';
import { navigate, type PageContext } from '../router';
import { can } from '../session';
import {
  button, disclosure, emptyState, formValues, inputField, notice, section, selectField, setFlash, showApiError, showFormErrors, summaryList, table,
  takeFlash,
} from '../ui';
import {
  addressFieldset, addressValues, applicationHref, decisionHref, householdHref, interviewHref, loadInScope, mergeHref,
} from './case-common';
import { SEX_LABELS, formatBirthDate, identity } from './persons';

const EDUCATION: Record<string, string> = {
  none: 'brak', primary: 'podstawowe', lower_secondary: 'gimnazjalne', vocational: 'zasadnicze zawodowe', secondary: 'średnie', higher: 'wyższe',
};
const EMPLOYMENT: Record<string, string> = {
  employed: 'zatrudniony(-a)', self_employed: 'działalność gospodarcza', unemployed: 'bezrobotny(-a)', pensioner: 'emeryt(ka)',
  disability_pensioner: 'rencista(-ka)', student: 'uczeń lub student', other: 'inne',
};
const LABOUR_OFFICE: Record<string, string> = {
  registered_with_benefit: 'zarejestrowany(-a) z prawem do zasiłku', registered_without_benefit: 'zarejestrowany(-a) bez prawa do zasiłku',
  not_registered: 'niezarejestrowany(-a)',
};
const DISABILITY: Record<string, string> = {
  none: 'brak', light: 'lekki stopień', moderate: 'umiarkowany stopień', severe: 'znaczny stopień', child_certificate: 'orzeczenie o niepełnosprawności (dziecko)',
};

const word = (map: Record<string, string>, code: string | undefined) => (code ? map[code] ?? code : '');

export async function renderPerson(ctx: PageContext): Promise<void> {
  const p = await loadInScope<Person>(ctx, `/persons/${encodeURIComponent(ctx.params.id)}`);
  if (!p) return;
  const [items, forms] = await Promise.all([
    api.get<{ items: TimelineItem[] }>(`/persons/${encodeURIComponent(ctx.params.id)}/timeline`).then((r) => r.items),
    api.get<{ forms: FormOfHelp[] }>('/rules/forms-of-help').then((r) => r.forms).catch(() => [] as FormOfHelp[]),
  ]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`${p.first_name} ${p.last_name}`);
  const formNames = new Map(forms.map((f) => [f.code, f.name]));
  const household = ctx.query.get('srodowisko') ?? (p.household_id ? String(p.household_id) : '');

  append(ctx.content,
    takeFlash(location.pathname),
    h('p', null, household
      ? h('a', { href: householdHref(household), class: 'back-link' }, 'Karta środowiska')
      : h('a', { href: '/osoby', class: 'back-link' }, 'Wyszukiwanie osób')),
    section('Dane osoby', summaryList([
      ['Nazwisko i imię', `${p.last_name} ${p.first_name}`],
      ['Identyfikacja', identity(p)],
      ['Data urodzenia', formatBirthDate(p.birth_date)],
      ['Płeć', SEX_LABELS[p.sex] ?? p.sex],
      ['Obywatelstwo', p.citizenship],
      ['Telefon', p.phone],
      ['E-mail', p.email ?? ''],
      ['Adres zameldowania', p.registered_address ?? ''],
      ['Adres faktycznego pobytu', p.actual_address ?? ''],
    ]), can('cases.write') ? addressForm(p) : null),
    can('cases.write') ? section('Środowisko i duplikaty',
      p.household_id ? h('p', null, 'Osoba należy do środowiska nr ', h('a', { href: householdHref(p.household_id) }, String(p.household_id)), '.')
        : newHouseholdForm(p),
      h('p', null, h('a', { href: mergeHref(p.id) }, 'Scal z duplikatem'),
        h('span', { class: 'hint' }, ' — gdy ta sama osoba została zarejestrowana dwa razy.'))) : null,
    section('Sytuacja społeczna', summaryList([
      ['Wykształcenie', word(EDUCATION, p.education)],
      ['Zatrudnienie', word(EMPLOYMENT, p.employment)],
      ['Status w urzędzie pracy', word(LABOUR_OFFICE, p.labour_office)],
      ['Niepełnosprawność', word(DISABILITY, p.disability)],
    ])),
    p.restricted
      ? section('Kategorie szczególnie chronione', summaryList([
          ['Zdrowie', p.restricted.health], ['Uzależnienia', p.restricted.addiction], ['Przemoc domowa', p.restricted.violence],
        ]))
      : p.restricted_hidden
        ? notice('info', h('p', null, 'Ta osoba ma zapisane informacje szczególnie chronione (zdrowie, uzależnienia lub przemoc). Są ukryte, bo Twoje konto nie ma dostępu do tych kategorii danych.'))
        : null,
    section('Historia osoby', personTimeline(items, formNames)));
}

/** „Zmień adresy”: the registered and the actual address, saved together; the card reloads with a message. */
function addressForm(p: Person): HTMLElement {
  const id = uid('adresy');
  const form = h('form', { class: 'form panel', id, hidden: true, novalidate: true, 'aria-labelledby': `${id}-t` },
    h('h3', { id: `${id}-t`, class: 'panel__title' }, 'Adresy osoby'),
    inputField({ label: 'Adres zameldowania', name: 'registered_address', width: 'full', value: p.registered_address ?? '', autocomplete: 'off',
      hint: 'Np. „ul. Zana 14/2, 20-601 Lublin”.' }),
    inputField({ label: 'Adres faktycznego pobytu', name: 'actual_address', width: 'full', value: p.actual_address ?? '', autocomplete: 'off',
      hint: 'Gdzie osoba rzeczywiście mieszka, jeśli inaczej niż pod adresem zameldowania.' }),
    h('div', { class: 'button-group' },
      button('Zapisz adresy', { type: 'submit' }),
      button('Anuluj', { kind: 'secondary', onClick: () => toggle(false) })));
  const [opener, toggle] = disclosure('Zmień adresy', form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    for (const f of ['registered_address', 'actual_address']) {
      if ((v[f] ?? '').length > 300) return showFormErrors(form, [{ field: f, message: 'Adres może mieć najwyżej 300 znaków.' }]);
    }
    try {
      await api.patch<Person>(`/persons/${encodeURIComponent(String(p.id))}`, { registered_address: v.registered_address, actual_address: v.actual_address });
      setFlash(location.pathname, 'Zapisano adresy osoby.');
      navigate(location.pathname + location.search, { replace: true });
    } catch (err) {
      showApiError(form, err);
    }
  });
  return h('div', { class: 'actions' }, h('div', { class: 'button-group' }, opener), form);
}

/**
 * „Załóż środowisko” for a person in no household: the address (assigned by the server to the section of its street —
 * an address outside the territory is refused at the address group) and the family type; the person becomes its head
 * from today (POST /households). Saved: the new household's card opens with a message naming the section.
 */
function newHouseholdForm(p: Person): HTMLElement {
  const id = uid('srodowisko');
  const form = h('form', { class: 'form panel', id, hidden: true, novalidate: true, 'aria-labelledby': `${id}-t` },
    h('h3', { id: `${id}-t`, class: 'panel__title' }, 'Nowe środowisko'),
    h('p', null, `${p.first_name} ${p.last_name} będzie osobą prowadzącą gospodarstwo od dziś. Kolejnych członków dodasz na karcie środowiska.`),
    addressFieldset(null, 'Środowisko zostanie przypisane do sekcji, do której należy ten adres.'),
    selectField({ label: 'Typ rodziny', name: 'family_type', required: true, value: 'single', options: Object.entries(FAMILY_TYPE_LABELS) }),
    h('div', { class: 'button-group' },
      button('Zapisz nowe środowisko', { type: 'submit' }),
      button('Anuluj', { kind: 'secondary', onClick: () => toggle(false) })));
  const [opener, toggle] = disclosure('Załóż środowisko', form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { address: addressValues(form), family_type: formValues(form).family_type, members: [{ person_id: Number(p.id), relation: 'head' }] };
    try {
      const done = await api.post<CreatedHousehold>('/households', body);
      setFlash(householdHref(done.id), `Założono środowisko nr ${done.id} w sekcji nr ${done.section.number} (${done.section.name}); ${p.first_name} ${p.last_name} prowadzi gospodarstwo.`);
      navigate(householdHref(done.id));
    } catch (err) {
      showApiError(form, err);
    }
  });
  return h('div', null,
    h('p', null, 'Osoba nie należy do żadnego środowiska.'),
    h('div', { class: 'actions' }, h('div', { class: 'button-group' }, opener), form));
}

/** The person's history as a table: date, what happened (linked to its record), details and state. */
function personTimeline(items: TimelineItem[], formNames: Map<string, string>): HTMLElement {
  if (!items.length) return emptyState('Brak zdarzeń w środowiskach, do których masz dostęp.');
  const form = (code: string) => formNames.get(code) ?? code;
  const rows = items.map((i) => {
    const [what, details, state] = describe(i, form);
    return [formatDay(i.on), what, details, state];
  });
  return h('div', null,
    h('p', { class: 'hint' }, 'Zdarzenia ze wszystkich środowisk tej osoby w Twoim zakresie, od najnowszych. Wywiady, pomoc dla całego środowiska i praca socjalna — z okresu, gdy osoba była jego członkiem.'),
    table('Historia osoby', ['Data', 'Zdarzenie', 'Szczegóły', 'Stan'], rows, { captionHidden: true }));
}

function describe(i: TimelineItem, form: (code: string) => string): [Node | string, string, string] {
  const until = i.until ? ` do ${formatDay(i.until)}` : '';
  switch (i.kind) {
    case 'joined':
      return [h('a', { href: householdHref(i.household_id) }, `Dołączenie do środowiska nr ${i.household_id}`), label(RELATION_LABELS, i.code), ''];
    case 'left':
      return [h('a', { href: householdHref(i.household_id) }, `Opuszczenie środowiska nr ${i.household_id}`), label(RELATION_LABELS, i.code), ''];
    case 'application':
      return [h('a', { href: applicationHref(i.id) }, `Wniosek ${i.number}`), i.code.split(',').filter(Boolean).map(form).join(', '),
        label(APPLICATION_STATUS_LABELS, i.state)];
    case 'interview':
      return [h('a', { href: interviewHref(i.household_id, i.id) }, label(INTERVIEW_KIND_LABELS, i.code)), `środowisko nr ${i.household_id}`,
        label(INTERVIEW_STATUS_LABELS, i.state)];
    case 'decision':
      return [h('a', { href: decisionHref(i.id) }, i.number ? `Decyzja ${i.number}` : 'Projekt decyzji'),
        [label(DECISION_KIND_LABELS, i.subtype), form(i.code), i.amount_grosze ? formatMoney(i.amount_grosze) : '', until.trim()].filter(Boolean).join(', '),
        label(DECISION_STATE_LABELS, i.state)];
    case 'payment':
      return [`Wypłata: ${form(i.code)}`, [i.amount_grosze !== null ? formatMoney(i.amount_grosze) : '', i.number ? `decyzja ${i.number}` : '',
        i.subtype === 'correction' ? 'korekta' : ''].filter(Boolean).join(', '), label(PAYMENT_STATUS_LABELS, i.state)];
    case 'service':
      return [label(SERVICE_KIND_LABELS, i.code), [i.subtype ? label(SERVICE_SUBTYPE_LABELS, i.subtype) : '', until.trim()].filter(Boolean).join(', '), ''];
    case 'social_work':
      return [label(SOCIAL_WORK_KIND_LABELS, i.code), [i.subtype, until.trim()].filter(Boolean).join(', '),
        i.state ? label(CONTRACT_OUTCOME_LABELS, i.state) : ''];
  }
}

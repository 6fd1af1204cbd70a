// Karta środowiska (cases.read): address, section, family type, members, and the household's timeline: applications
// with their interviews and decisions (newest first, deadlines in words, „Wydaj decyzję” on an open application with
// decisions.write), decisions, payments, non-cash help, and the income of the reference month with a link to the income
// page. „Nowy wniosek”, „Wywiad — zmiana sytuacji” and „Zmień dane środowiska” (family type, address — the section
// follows the territory —, responsible worker; PATCH /households/{id}, server errors at the field) with cases.write.
// A household outside the user's scope shows the server's message (case-common.ts).
import { api } from '../api';
import { announce, append, h, replaceChildren, uid, type Child } from '../dom';
import {
  ACTIVATION_LABELS, APPLICATION_STATUS_LABELS, CONTRACT_OUTCOME_LABELS, DECISION_STATE_LABELS, FAMILY_TYPE_LABELS, INTERVIEW_KIND_LABELS, INTERVIEW_STATUS_LABELS,
  MODE_LABELS, RELATION_LABELS, SERVICE_KIND_LABELS, SERVICE_KIND_RULES, SERVICE_SUBTYPE_LABELS, SOCIAL_WORK_KIND_LABELS, formatDay, formatMoney, formatMonth, label,
  plural, previousMonth, todayIso,
} from '../labels';
import type {
  Application, Decision, FormOfHelp, Household, HouseholdUpdate, IncomeAssessment, Interview, Items, Me, Membership, Payment, Section,
  ServiceRecord, SocialWorkRecord,
} from '../model';
import { navigate, type PageContext } from '../router';
import { can } from '../session';
import {
  button, checkbox, disclosure, emptyState, formValues, inputField, notice, section, selectField, setFlash, showApiError, showFormErrors,
  summaryList, table, tag, takeFlash, type FieldError,
} from '../ui';
import { formatBirthDate, personPicker } from './persons';
import {
  addressFieldset, addressValues, applicationHref, deadline, decisionHref, householdAddress, householdStreet, incomeHref, interviewHref, loadHousehold,
  newApplicationHref, newDecisionHref, newServiceHref, newSocialWorkHref, personHref,
} from './case-common';
import { decisionsTable, paymentsTable } from './decision-common';

const RESTRICTED_LABELS: Record<string, string> = { violence: 'przemoc domowa', health: 'stan zdrowia', addiction: 'uzależnienie' };
const STATUS_TAG: Record<string, 'blue' | 'green' | 'grey'> = { open: 'blue', decided: 'green', withdrawn: 'grey' };

export async function renderHousehold(ctx: PageContext): Promise<void> {
  const id = ctx.params.id;
  const hh = await loadHousehold(ctx, id);
  if (!hh || !ctx.isCurrent()) return;
  const hid = encodeURIComponent(id);
  const month = previousMonth(todayIso());
  const [apps, sec, forms, decisions, payments, services, income, interviews, socialWork, composition] = await Promise.all([
    api.get<Items<Application>>(`/households/${hid}/applications`),
    hh.section_id !== null && can('org.read')
      ? api.get<Section>(`/sections/${encodeURIComponent(String(hh.section_id))}`).catch(() => null) : Promise.resolve(null),
    api.get<{ forms: FormOfHelp[] }>('/rules/forms-of-help').then((r) => r.forms).catch(() => [] as FormOfHelp[]),
    api.get<Items<Decision>>(`/households/${hid}/decisions`).then((r) => r.items),
    api.get<Items<Payment>>(`/households/${hid}/payments`).then((r) => r.items),
    api.get<Items<ServiceRecord>>(`/households/${hid}/services`).then((r) => r.items),
    api.get<IncomeAssessment>(`/households/${hid}/income?month=${month}`).catch(() => null),
    api.get<Items<Interview>>(`/households/${hid}/interviews`).then((r) => r.items),
    api.get<Items<SocialWorkRecord>>(`/households/${hid}/social-work`).then((r) => r.items),
    api.get<Items<Membership>>(`/households/${hid}/history`).then((r) => r.items),
  ]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`Karta środowiska: ${householdStreet(hh.address)}`);
  const formNames = new Map(forms.map((f) => [f.code, f.name]));
  const formsByCode = new Map(forms.map((f) => [f.code, f]));

  append(ctx.content,
    takeFlash(location.pathname),
    hh.via_break_glass ? notice('warning', h('p', null, 'Korzystasz z dostępu awaryjnego do tego środowiska. Każdy odczyt jest odnotowywany w dzienniku audytu.')) : null,
    can('cases.write') ? actions(hh, editPanel(ctx, hh, sec)) : null,
    section('Dane środowiska', summaryList([
      ['Numer środowiska', String(hh.id)],
      ['Adres', householdAddress(hh.address)],
      ['Sekcja', sectionCell(hh, sec, ctx.me)],
      ['Pracownik socjalny', workerName(hh, sec, ctx.me)],
      ['Typ rodziny', label(FAMILY_TYPE_LABELS, hh.family_type)],
      ...(hh.restricted_categories.length
        ? [['Kategorie szczególnie chronione', hh.restricted_categories.map((c) => RESTRICTED_LABELS[c] ?? c).join(', ')] as [string, string]]
        : []),
    ])),
    section('Członkowie gospodarstwa domowego', membersTable(hh), can('cases.write') ? memberActions(hh) : null),
    section('Historia składu gospodarstwa', compositionTable(hh, composition)),
    section('Wnioski i wywiady', timeline(hh, apps.items, formNames, decisions, interviews)),
    section('Decyzje',
      decisions.length
        ? decisionsTable(`Decyzje środowiska (${decisions.length})`, decisions, formsByCode)
        : emptyState('To środowisko nie ma jeszcze decyzji.'),
      can('decisions.write')
        ? h('p', null, h('a', { href: newDecisionHref(hh.id) }, 'Nowa decyzja z urzędu'),
            h('span', { class: 'hint' }, ' — np. zmiana kwoty, wstrzymanie albo uchylenie decyzji ostatecznej.'))
        : null),
    section('Wypłaty',
      payments.length
        ? paymentsTable(`Wypłaty środowiska (${payments.length})`, [...payments].reverse(), formsByCode, true)
        : emptyState('Brak wypłat. Wypłaty są planowane, gdy decyzja przyznająca świadczenie pieniężne staje się ostateczna.')),
    section('Pomoc niepieniężna', servicesTable(hh, services),
      can('cases.write') ? h('p', null, h('a', { href: newServiceHref(hh.id) }, 'Zapisz pomoc niepieniężną'),
        h('span', { class: 'hint' }, ' — posiłki, pomoc rzeczowa, schronienie, usługi opiekuńcze, poradnictwo…')) : null),
    section('Praca socjalna i kontrakty', socialWorkTable(hh, socialWork),
      can('cases.write') ? h('p', null, h('a', { href: newSocialWorkHref(hh.id) }, 'Zapisz pracę socjalną'),
        h('span', { class: 'hint' }, ' — wpis, kontrakt socjalny, prace społecznie użyteczne, aktywizacja, skierowanie.')) : null),
    section('Dochód gospodarstwa', incomeSummary(hh, month, income)));
}

function servicesTable(hh: Household, services: ServiceRecord[]): HTMLElement {
  if (!services.length) return emptyState('Brak zapisanej pomocy niepieniężnej (posiłki, pomoc rzeczowa, schronienie, usługi opiekuńcze…).');
  const names = new Map(hh.members.map((m) => [String(m.person.id), `${m.person.first_name} ${m.person.last_name}`]));
  const sorted = [...services].sort((a, b) => b.date_from.localeCompare(a.date_from));
  return table(`Pomoc niepieniężna (${sorted.length})`, ['Rodzaj', 'Okres', 'Ilość', 'Osoba', 'Miejsce i uwagi', 'Decyzja'],
    sorted.map((sv) => [
      label(SERVICE_KIND_LABELS, sv.kind) + (sv.subtype ? ` — ${label(SERVICE_SUBTYPE_LABELS, sv.subtype)}` : ''),
      sv.date_from === sv.date_to ? formatDay(sv.date_from) : `${formatDay(sv.date_from)} – ${formatDay(sv.date_to)}`,
      quantityCell(hh, sv),
      sv.person_id !== null ? names.get(String(sv.person_id)) ?? 'osoba spoza obecnego składu' : '—',
      [sv.place, sv.note].filter(Boolean).join(' — ') || '—',
      sv.decision_id !== null ? h('a', { href: decisionHref(sv.decision_id) }, 'Decyzja') : '—',
    ]), { captionHidden: true });
}

/** The quantity with the days it was given, and — for help still running — the link to add what it delivered. */
function quantityCell(hh: Household, sv: ServiceRecord): Child {
  const rules = SERVICE_KIND_RULES[sv.kind];
  const what = label(SERVICE_KIND_LABELS, sv.kind) + (sv.subtype ? ` — ${label(SERVICE_SUBTYPE_LABELS, sv.subtype)}` : '');
  const parts: Child[] = [`${sv.quantity} ${rules?.unit ?? ''}`.trim()];
  if (!rules?.stay && sv.deliveries.length > 1) parts.push(` (w ${sv.deliveries.length} dniach)`);
  if (sv.fee_grosze) parts.push(`, odpłatność ${formatMoney(sv.fee_grosze)}`);
  if (sv.care_home_fee) parts.push(`, gmina ${formatMoney(sv.care_home_fee.gmina_grosze)} mies.`);
  if (!rules?.stay && can('cases.write') && sv.date_from <= todayIso()) {
    parts.push(' ', h('a', {
      href: `/srodowiska/${encodeURIComponent(String(hh.id))}/pomoc/${encodeURIComponent(String(sv.id))}/ilosc`,
      'aria-label': `Dopisz ilość: ${what}, od ${formatDay(sv.date_from)}`,
    }, 'Dopisz ilość'));
  }
  return parts;
}

function socialWorkTable(hh: Household, items: SocialWorkRecord[]): HTMLElement {
  if (!items.length) return emptyState('Brak zapisanej pracy socjalnej z tym środowiskiem.');
  const names = new Map(hh.members.map((m) => [String(m.person.id), `${m.person.first_name} ${m.person.last_name}`]));
  const sorted = [...items].sort((a, b) => b.on_date.localeCompare(a.on_date));
  return table(`Praca socjalna (${sorted.length})`, ['Rodzaj', 'Data lub okres', 'Osoba', 'Szczegóły', 'Opis'],
    sorted.map((w) => {
      const details: string[] = [];
      let review: HTMLElement | null = null;
      if (w.kind === 'contract') {
        details.push(w.outcome ? label(CONTRACT_OUTCOME_LABELS, w.outcome) : 'w realizacji');
        if (w.review_on && !w.outcome) details.push(`ocena ${formatDay(w.review_on)}`);
        if (!w.outcome && can('cases.write')) {
          review = h('a', { href: `/srodowiska/${encodeURIComponent(String(hh.id))}/kontrakty/${encodeURIComponent(String(w.id))}/ocena`,
            'aria-label': `Oceń kontrakt socjalny z ${formatDay(w.on_date)}` }, 'Oceń kontrakt');
        }
      }
      if (w.kind === 'community_work') details.push(`${w.hours} godz. w miesiącu`);
      if (w.kind === 'activation') details.push(label(ACTIVATION_LABELS, w.subtype));
      if (w.kind === 'referral') details.push(w.subtype);
      return [
        label(SOCIAL_WORK_KIND_LABELS, w.kind),
        w.until_date ? `${formatDay(w.on_date)} – ${formatDay(w.until_date)}` : formatDay(w.on_date),
        w.person_id !== null ? names.get(String(w.person_id)) ?? 'osoba spoza obecnego składu' : '—',
        [details.join(', ') || '—', review ? [' ', review] : null],
        h('span', { class: 'pre-line' }, w.description || '—'),
      ];
    }), { captionHidden: true });
}

function incomeSummary(hh: Household, month: string, income: IncomeAssessment | null): HTMLElement {
  const link = h('a', { href: incomeHref(hh.id, month) }, 'Dochód i uprawnienia do zasiłków');
  if (!income || !income.items.length) {
    return h('div', null, emptyState(`Brak zapisanych pozycji dochodu za ${formatMonth(month)}.`), h('p', null, link));
  }
  return h('div', null,
    summaryList([
      [`Dochód za ${formatMonth(month)}`, formatMoney(income.total_grosze)],
      ['Na osobę', `${formatMoney(income.per_person_grosze)} (${plural(income.persons, 'osoba', 'osoby', 'osób')})`],
    ]),
    h('p', null, link));
}

function sectionCell(hh: Household, sec: Section | null, me: Me): HTMLElement | string {
  if (hh.section_id === null) return 'Adres poza terytorium sekcji';
  const name = hh.section_name || sec?.name || me.sections.find((s) => String(s.id) === String(hh.section_id))?.name
    || `Sekcja (identyfikator ${hh.section_id})`;
  return can('org.read') ? h('a', { href: `/sekcje/${encodeURIComponent(String(hh.section_id))}` }, name) : name;
}

function workerName(hh: Household, sec: Section | null, me: Me): string {
  if (hh.worker_id === null) return 'Nie przydzielono — sprawy prowadzi sekcja';
  if (String(hh.worker_id) === String(me.id)) return `${me.full_name || me.login} (Ty)`;
  return hh.worker_name || sec?.staff?.find((p) => String(p.id) === String(hh.worker_id))?.full_name || 'Pracownik spoza tej sekcji';
}

function membersTable(hh: Household): HTMLElement {
  if (!hh.members.length) return emptyState('W tym gospodarstwie nie ma obecnie członków.');
  const sorted = [...hh.members].sort((a, b) => (a.relation === 'head' ? -1 : b.relation === 'head' ? 1 : 0));
  const hidden = sorted.some((m) => m.person.restricted_hidden);
  return h('div', null,
    table(`Członkowie (${sorted.length})`, ['Imię i nazwisko', 'Rola w gospodarstwie', 'PESEL lub dokument', 'Data urodzenia', 'Członek od'],
      sorted.map((m) => [
        h('a', { href: personHref(m.person.id, hh.id) }, `${m.person.first_name} ${m.person.last_name}`),
        label(RELATION_LABELS, m.relation),
        m.person.pesel ? `PESEL ${m.person.pesel}` : [m.person.document_type, m.person.document_number].filter(Boolean).join(' ') || '—',
        formatBirthDate(m.person.birth_date),
        formatDay(m.since),
      ]), { captionHidden: true }),
    hidden ? h('p', { class: 'hint' }, 'Część informacji szczególnie chronionych (zdrowie, uzależnienia, przemoc) jest ukryta — Twoje konto nie ma dostępu do tych kategorii danych.') : null);
}

/** Every membership, also the ended ones, in the order they began: who, in what role, from, to, and why it ended. */
function compositionTable(hh: Household, items: Membership[]): HTMLElement {
  if (!items.length) return emptyState('Brak zapisanej historii składu.');
  return h('div', null,
    h('p', { class: 'hint' }, 'Każde członkostwo od dnia dołączenia; zakończone — z ostatnim dniem i powodem.'),
    table(`Historia składu (${items.length})`, ['Osoba', 'Rola w gospodarstwie', 'Członek od', 'Członek do', 'Powód zakończenia'],
      items.map((m) => [
        h('a', { href: personHref(m.person_id, hh.id) }, m.name),
        label(RELATION_LABELS, m.relation),
        formatDay(m.since),
        m.until ? formatDay(m.until) : 'obecnie',
        m.end_reason || '—',
      ]), { captionHidden: true }));
}

/**
 * „Dodaj członka” (a registered person chosen by search, the relation to the head — not a second head —, the day they
 * joined; POST /households/{id}/members) and „Zakończ członkostwo” (a current member, the last day, the reason;
 * POST /households/{id}/members/{person}/end). The server's errors stand at the field; saved: the card reloads with a
 * message and the composition history shows the change.
 */
function memberActions(hh: Household): HTMLElement {
  const hid = encodeURIComponent(String(hh.id));
  const reload = (message: string) => {
    setFlash(location.pathname, message);
    navigate(location.pathname + location.search, { replace: true });
  };

  const addId = uid('czlonek');
  const picker = personPicker({ name: 'person_id', legend: 'Osoba', exclude: hh.members.map((m) => m.person.id) });
  const addForm = h('form', { class: 'form panel', id: addId, hidden: true, novalidate: true, 'aria-labelledby': `${addId}-t` },
    h('h3', { id: `${addId}-t`, class: 'panel__title' }, 'Dodaj członka gospodarstwa'),
    h('p', { class: 'hint' }, 'Osoba musi być zarejestrowana (Osoby → Zarejestruj osobę) i nie należeć do innego gospodarstwa.'),
    picker.element,
    selectField({ label: 'Pokrewieństwo z osobą prowadzącą gospodarstwo', name: 'relation', required: true, emptyLabel: 'Wybierz',
      options: Object.entries(RELATION_LABELS).filter(([code]) => code !== 'head') }),
    inputField({ label: 'Członek od', name: 'since', type: 'date', required: true, width: 'short', value: todayIso(),
      hint: 'Dzień, od którego osoba należy do gospodarstwa.' }),
    h('div', { class: 'button-group' },
      button('Dodaj do gospodarstwa', { type: 'submit' }),
      button('Anuluj', { kind: 'secondary', onClick: () => toggleAdd(false) })));
  const [addOpener, toggleAdd] = disclosure('Dodaj członka', addForm);
  addForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(addForm);
    const person = picker.chosen();
    const errors: FieldError[] = [];
    if (!person) {
      errors.push(picker.searched() && addForm.querySelector('input[name=person_id]')
        ? { field: 'person_id', message: 'Wybierz osobę z listy.' }
        : { field: 'person_id-szukaj', message: 'Wyszukaj osobę i wybierz ją z listy.' });
    }
    if (!v.relation) errors.push({ field: 'relation', message: 'Wybierz pokrewieństwo.' });
    if (!v.since) errors.push({ field: 'since', message: 'Podaj dzień, od którego osoba należy do gospodarstwa.' });
    if (errors.length || !person) return showFormErrors(addForm, errors);
    try {
      await api.post(`/households/${hid}/members`, { person_id: Number(person.id), relation: v.relation, since: v.since });
      reload(`Dodano do gospodarstwa: ${person.first_name} ${person.last_name} (${label(RELATION_LABELS, v.relation).toLowerCase()}) od ${formatDay(v.since)}.`);
    } catch (err) {
      showApiError(addForm, err);
    }
  });

  const endId = uid('koniec');
  const endForm = h('form', { class: 'form panel', id: endId, hidden: true, novalidate: true, 'aria-labelledby': `${endId}-t` },
    h('h3', { id: `${endId}-t`, class: 'panel__title' }, 'Zakończ członkostwo w gospodarstwie'),
    selectField({ label: 'Członek gospodarstwa', name: 'person_id', required: true, width: 'full', emptyLabel: 'Wybierz',
      options: hh.members.map((m) => [String(m.person.id), `${m.person.first_name} ${m.person.last_name} — ${label(RELATION_LABELS, m.relation).toLowerCase()}, od ${formatDay(m.since)}`]),
      hint: 'Osobę prowadzącą gospodarstwo można wypisać dopiero jako ostatnią.' }),
    inputField({ label: 'Członek do', name: 'until', type: 'date', required: true, width: 'short', value: todayIso(),
      hint: 'Ostatni dzień członkostwa; nie wcześniej niż dzień dołączenia.' }),
    inputField({ label: 'Powód zakończenia', name: 'reason', required: true, width: 'full', autocomplete: 'off',
      hint: 'Np. wyprowadzka, zgon, usamodzielnienie.' }),
    h('div', { class: 'button-group' },
      button('Zakończ członkostwo', { type: 'submit' }),
      button('Anuluj', { kind: 'secondary', onClick: () => toggleEnd(false) })));
  const [endOpener, toggleEnd] = disclosure('Zakończ członkostwo', endForm);
  endForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(endForm);
    const errors: FieldError[] = [];
    if (!v.person_id) errors.push({ field: 'person_id', message: 'Wybierz członka gospodarstwa.' });
    if (!v.until) errors.push({ field: 'until', message: 'Podaj ostatni dzień członkostwa.' });
    if (!v.reason) errors.push({ field: 'reason', message: 'Podaj powód zakończenia członkostwa.' });
    if (errors.length) return showFormErrors(endForm, errors);
    const m = hh.members.find((x) => String(x.person.id) === v.person_id);
    try {
      await api.post(`/households/${hid}/members/${encodeURIComponent(v.person_id)}/end`, { until: v.until, reason: v.reason });
      reload(`Zakończono członkostwo: ${m ? `${m.person.first_name} ${m.person.last_name}` : 'osoba'}, ostatni dzień ${formatDay(v.until)}.`);
    } catch (err) {
      showApiError(endForm, err);
    }
  });

  return h('div', { class: 'actions' },
    h('div', { class: 'button-group' }, addOpener, hh.members.length ? endOpener : null),
    addForm,
    hh.members.length ? endForm : null);
}

/**
 * „Zmień dane środowiska”: family type, address and responsible worker (the section's staff, the user, or none). Only
 * what changed is sent; a new address is assigned by the server to the section of its street. After saving the card
 * reloads with a message — or, when the new address belongs to another section, says that the household left the
 * user's scope.
 */
function editPanel(ctx: PageContext, hh: Household, sec: Section | null): [HTMLButtonElement, HTMLElement] {
  const panelId = uid('edycja');
  const workers = new Map<string, string>();
  for (const p of sec?.staff ?? []) workers.set(String(p.id), p.full_name);
  workers.set(String(ctx.me.id), `${ctx.me.full_name || ctx.me.login} (Ty)`);
  if (hh.worker_id !== null && !workers.has(String(hh.worker_id))) workers.set(String(hh.worker_id), hh.worker_name || `Pracownik ${hh.worker_id}`);
  const a = hh.address;
  const form = h('form', { class: 'form panel', id: panelId, hidden: true, novalidate: true, 'aria-labelledby': `${panelId}-t` },
    h('h2', { id: `${panelId}-t`, class: 'panel__title' }, 'Zmień dane środowiska'),
    selectField({ label: 'Typ rodziny', name: 'family_type', required: true, value: hh.family_type, options: Object.entries(FAMILY_TYPE_LABELS) }),
    addressFieldset(a, 'Po zmianie adresu środowisko zostanie przypisane do sekcji, do której należy ten adres.'),
    selectField({
      label: 'Pracownik socjalny', name: 'worker_id', width: 'full', value: hh.worker_id === null ? '' : String(hh.worker_id),
      options: [...workers.entries()], emptyLabel: 'Nie przydzielono — sprawy prowadzi sekcja',
      hint: 'Pracownicy sekcji środowiska. Przydzielony pracownik widzi środowisko także spoza swojej sekcji.',
    }),
    h('div', { class: 'button-group' },
      button('Zapisz zmiany', { type: 'submit' }),
      button('Anuluj', { kind: 'secondary', onClick: () => toggle(false) })));
  const [opener, toggle] = disclosure('Zmień dane środowiska', form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const body: Record<string, unknown> = {};
    if (v.family_type !== hh.family_type) body.family_type = v.family_type;
    const address = addressValues(form);
    if ((Object.keys(address) as (keyof typeof address)[]).some((k) => address[k] !== a[k])) body.address = address;
    const worker = v.worker_id ? Number(v.worker_id) : null;
    if (String(worker) !== String(hh.worker_id)) body.worker_id = worker;
    if (!Object.keys(body).length) return showFormErrors(form, [{ message: 'Nie zmieniono żadnych danych.' }]);
    try {
      const done = await api.patch<HouseholdUpdate>(`/households/${encodeURIComponent(String(hh.id))}`, body);
      const moved = done.section && String(done.section.id) !== String(hh.section_id)
        ? ` Adres należy do sekcji nr ${done.section.number} (${done.section.name}).` : '';
      if (!done.in_scope) {
        ctx.setTitle('Środowisko przekazane innej sekcji');
        replaceChildren(ctx.content,
          notice('success', h('p', null, `Zapisano zmiany środowiska nr ${hh.id}.${moved}`),
            h('p', null, 'Środowisko nie należy już do Twojej sekcji ani nie jest Ci przydzielone, więc nie widzisz jego karty.')),
          h('p', null, h('a', { href: '/osoby', class: 'back-link' }, 'Wyszukiwanie osób i środowisk')));
        announce(`Zapisano zmiany środowiska.${moved}`);
        return;
      }
      setFlash(location.pathname, `Zapisano zmiany środowiska.${moved}`);
      navigate(location.pathname + location.search, { replace: true });
    } catch (err) {
      showApiError(form, err);
    }
  });
  return [opener, form];
}

/** "Nowy wniosek", the disclosure with the change-of-situation interview, and the household's edit panel. */
function actions(hh: Household, [editOpener, editForm]: [HTMLButtonElement, HTMLElement]): HTMLElement {
  const status = h('div', { class: 'status-area' });
  const panelId = uid('zmiana');
  const form = h('form', { class: 'form panel', id: panelId, hidden: true, novalidate: true, 'aria-labelledby': `${panelId}-t` },
    h('h2', { id: `${panelId}-t`, class: 'panel__title' }, 'Wywiad w związku ze zmianą sytuacji'),
    h('p', null, 'Wywiad zostanie zaplanowany z terminem ustawowym liczonym od dziś i pojawi się w „Moich zadaniach”.'),
    checkbox('Sprawa pilna', 'urgent', false, 'on', 'Wywiad w ciągu 2 dni roboczych zamiast 14.'),
    h('div', { class: 'button-group' },
      button('Zaplanuj wywiad', { type: 'submit' }),
      button('Anuluj', { kind: 'secondary', onClick: () => toggle(false) })));
  const [opener, toggle] = disclosure('Wywiad — zmiana sytuacji', form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const urgent = form.querySelector<HTMLInputElement>('input[name=urgent]')!.checked;
    try {
      const iv = await api.post<Interview>(`/households/${encodeURIComponent(String(hh.id))}/interviews`, { urgent });
      form.reset();
      form.querySelector(':scope > .error-summary')?.remove();
      form.hidden = true;
      opener.setAttribute('aria-expanded', 'false');
      const text = `Zaplanowano wywiad w związku ze zmianą sytuacji. Termin: ${formatDay(iv.due_on)}.`;
      const done = notice('success', h('p', null, text),
        h('p', null, h('a', { href: interviewHref(hh.id, iv.id) }, 'Przeprowadź ten wywiad')));
      done.tabIndex = -1;
      replaceChildren(status, done);
      done.focus();
      announce(text);
    } catch (err) {
      showApiError(form, err);
    }
  });
  return h('div', { class: 'actions' },
    h('div', { class: 'button-group' },
      h('a', { href: newApplicationHref(hh.id), class: 'button button--primary' }, 'Nowy wniosek'),
      opener, editOpener),
    form,
    editForm,
    status);
}

function interviewOrder(i: Interview): string { return i.conducted_on ?? i.due_on; }

function timeline(hh: Household, apps: Application[], formNames: Map<string, string>, decisions: Decision[],
                  interviews: Interview[]): HTMLElement {
  // Interviews on a change of situation belong to no application: listed on their own, newest first.
  const standalone = interviews.filter((i) => i.application_id === null)
    .sort((x, y) => interviewOrder(y).localeCompare(interviewOrder(x)));
  const note = standalone.length
    ? h('div', null,
        h('h3', { class: 'timeline__title' }, 'Wywiady bez wniosku (zmiana sytuacji)'),
        h('ul', { class: 'timeline__events', 'aria-label': 'Wywiady bez wniosku' }, standalone.map((i) => interviewLine(hh, i))))
    : null;
  if (!apps.length) {
    return h('div', null, emptyState('To środowisko nie ma jeszcze zarejestrowanych wniosków.',
      can('cases.write') ? h('p', null, 'Aby zarejestrować wniosek, wybierz „Nowy wniosek”.') : null), note);
  }
  return h('div', null,
    h('ol', { class: 'timeline' }, apps.map((a) => {
      const open = a.status === 'open';
      const meta = [`wpłynął ${formatDay(a.received_on)}`, label(MODE_LABELS, a.mode).toLowerCase(), `wnioskodawca: ${a.applicant.name}`];
      if (a.urgent) meta.push('sprawa pilna');
      if (a.complex) meta.push('sprawa szczególnie skomplikowana');
      const interviews = [...a.interviews].sort((x, y) => interviewOrder(y).localeCompare(interviewOrder(x)));
      return h('li', { class: 'timeline__item' },
        h('h3', { class: 'timeline__title' },
          h('a', { href: applicationHref(a.id) }, `Wniosek ${a.number}`), ' ',
          tag(label(APPLICATION_STATUS_LABELS, a.status), STATUS_TAG[a.status] ?? 'grey')),
        h('p', { class: 'timeline__meta' }, meta.join(' · ')),
        h('p', null, 'Formy pomocy: ', a.forms.map((f) => formNames.get(f) ?? f).join(', ') || '—'),
        open
          ? h('p', null, 'Termin wydania decyzji: ', deadline(a.decision_due, true))
          : a.closed_on ? h('p', null, `${a.status === 'withdrawn' ? 'Wycofany' : 'Zakończony'} ${formatDay(a.closed_on)}`) : null,
        decisionLinks(a, decisions),
        open && can('decisions.write')
          ? h('p', null, h('a', { href: newDecisionHref(hh.id, a.id), class: 'button button--secondary button--small',
              'aria-label': `Wydaj decyzję: wniosek ${a.number}` }, 'Wydaj decyzję'))
          : null,
        interviews.length
          ? h('ul', { class: 'timeline__events', 'aria-label': `Wywiady do wniosku ${a.number}` }, interviews.map((i) => interviewLine(hh, i)))
          : null);
    })),
    note);
}

/** "Decyzje: D/2026/4 (Ostateczna), projekt (Projekt)" — the decisions in the case of one application. */
function decisionLinks(a: Application, decisions: Decision[]): HTMLElement | null {
  const mine = decisions.filter((d) => String(d.application_id) === String(a.id));
  if (!mine.length) return null;
  return h('p', null, 'Decyzje: ', mine.map((d, i) => [
    i ? ', ' : '',
    h('a', { href: decisionHref(d.id) }, d.number ?? 'projekt decyzji'),
    ` (${label(DECISION_STATE_LABELS, d.state).toLowerCase()})`,
  ]));
}

function interviewLine(hh: Household, i: Interview): HTMLElement {
  const kind = label(INTERVIEW_KIND_LABELS, i.kind);
  const planned = i.status === 'planned';
  const action = planned && can('cases.write') ? 'Przeprowadź wywiad' : i.status === 'completed' ? 'Zobacz wywiad' : null;
  return h('li', null,
    h('strong', null, kind), ' — ',
    i.status === 'completed' && i.conducted_on
      ? `przeprowadzony ${formatDay(i.conducted_on)}`
      : [label(INTERVIEW_STATUS_LABELS, i.status).toLowerCase(), ', termin ', deadline(i.due_on, planned)],
    action
      ? [' ', h('a', { href: interviewHref(hh.id, i.id), 'aria-label': `${action}: ${kind}, termin ${formatDay(i.due_on)}` }, action)]
      : null);
}

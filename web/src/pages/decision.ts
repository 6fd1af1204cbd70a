// Decyzja (cases.read): number, state, kind, form, period, amount and its calculation, legal basis (the centre's template,
// as printed), reasoning, the PDF, the history of events, the actions the current state allows — approve (sign) with
// decisions.approve; deliver, waiver of appeal, final after the appeal term, appeal, the SKO's outcome, cancelling a
// draft with decisions.write — each with a date and a confirm dialog; and the decision's payments with their totals.
import { api } from '../api';
import { append, h, uid } from '../dom';
import {
  DECISION_ACTION_LABELS, DECISION_KIND_LABELS, DECISION_STATE_LABELS, PAYMENT_METHOD_LABELS, daysBetween, formatDateTime,
  formatDay, formatIban, formatMoney, label, plural, todayIso,
} from '../labels';
import type { Application, Decision, FormOfHelp, Items, Payment, PaymentTotals } from '../model';
import { navigate, type PageContext } from '../router';
import { can } from '../session';
import {
  button, confirmDialog, emptyState, formValues, inputField, notice, radioGroup, section, setFlash, showApiError,
  showFormErrors, summaryList, table, takeFlash,
} from '../ui';
import { applicationHref, decisionHref, householdHref, loadInScope, newDecisionHref, personHref } from './case-common';
import { amountText, decisionName, decisionStateTag, inForce, paymentsTable, periodText } from './decision-common';

/** One step of the decision's life the page offers as a form: a date, a button, and what the confirm dialog says. */
interface Step {
  action: string; permission: string; title: string; text: string; dateLabel: string; submit: string;
  confirm: (date: string) => string; danger?: boolean;
  /** Choices of the same step (the SKO's outcome): [action, label]. */
  outcomes?: [string, string, string?][];
}

function steps(d: Decision, today: string): { offered: Step[]; notes: string[] } {
  const notes: string[] = [];
  const offered: Step[] = [];
  switch (d.state) {
    case 'draft':
      offered.push({
        action: 'approve', permission: 'decisions.approve', title: 'Podpisanie decyzji', submit: 'Podpisz decyzję',
        text: 'Podpisanie nadaje decyzji numer w rejestrze i datę wydania; wniosek zostaje oznaczony jako rozpatrzony.',
        dateLabel: 'Data wydania (podpisania)',
        confirm: (date) => `Decyzja otrzyma numer w rejestrze i datę wydania ${formatDay(date)}. Po podpisaniu nie można zmienić jej treści.`,
      }, {
        action: 'cancel', permission: 'decisions.write', title: 'Anulowanie projektu', submit: 'Anuluj projekt', danger: true,
        text: 'Projekt, który nie zostanie wydany (np. przygotowany z błędem), można anulować; pozostaje w historii sprawy.',
        dateLabel: 'Data anulowania',
        confirm: () => 'Projekt zostanie anulowany i nie będzie można go podpisać. Tej czynności nie można cofnąć.',
      });
      if (!can('decisions.approve')) notes.push('Projekt czeka na podpis kierownika sekcji albo dyrektora.');
      break;
    case 'approved':
      offered.push({
        action: 'deliver', permission: 'decisions.write', title: 'Doręczenie decyzji', submit: 'Zapisz doręczenie',
        text: 'Od dnia doręczenia biegnie 14-dniowy termin na wniesienie odwołania (art. 129 § 2 KPA).',
        dateLabel: 'Data doręczenia',
        confirm: (date) => `Decyzja zostanie oznaczona jako doręczona ${formatDay(date)}; termin na odwołanie liczy się od tego dnia.`,
      });
      break;
    case 'delivered': {
      const deadline = d.appeal_deadline ?? '';
      offered.push({
        action: 'waive_appeal', permission: 'decisions.write', title: 'Zrzeczenie się prawa do odwołania',
        submit: 'Zapisz zrzeczenie się odwołania', dateLabel: 'Data doręczenia oświadczenia strony',
        text: 'Strona złożyła oświadczenie o zrzeczeniu się prawa do odwołania: decyzja staje się ostateczna z dniem doręczenia oświadczenia (art. 127a KPA).',
        confirm: (date) => `Decyzja stanie się ostateczna ${formatDay(date)}, a wypłaty zostaną zaplanowane. Tej czynności nie można cofnąć.`,
      });
      if (deadline && daysBetween(deadline, today) > 0) {
        offered.push({
          action: 'make_final', permission: 'decisions.write', title: 'Decyzja ostateczna', submit: 'Oznacz jako ostateczną',
          text: `Termin na odwołanie upłynął ${formatDay(deadline)} i strona nie wniosła odwołania.`, dateLabel: 'Data stwierdzenia',
          confirm: () => 'Decyzja zostanie oznaczona jako ostateczna od dnia po upływie terminu na odwołanie, a wypłaty zostaną zaplanowane.',
        });
      } else if (deadline) {
        notes.push(`Termin na odwołanie upływa ${formatDay(deadline)}. Jeśli strona nie wniesie odwołania, po tym dniu oznaczysz decyzję jako ostateczną.`);
      }
      offered.push({
        action: 'appeal', permission: 'decisions.write', title: 'Odwołanie do SKO', submit: 'Zapisz odwołanie',
        text: 'Odwołanie wniesione w terminie przekazuje się do Samorządowego Kolegium Odwoławczego w ciągu 7 dni (art. 133 KPA).',
        dateLabel: 'Data wniesienia odwołania',
        confirm: (date) => `Zostanie zapisane odwołanie wniesione ${formatDay(date)}; decyzja nie stanie się ostateczna do rozstrzygnięcia SKO.`,
      });
      break;
    }
    case 'appealed':
      offered.push({
        action: 'uphold', permission: 'decisions.write', title: 'Rozstrzygnięcie SKO', submit: 'Zapisz rozstrzygnięcie SKO',
        text: 'Orzeczenie Samorządowego Kolegium Odwoławczego w sprawie odwołania (art. 138 KPA).', dateLabel: 'Data orzeczenia SKO',
        outcomes: [
          ['uphold', 'Utrzymanie decyzji w mocy', 'Decyzja staje się ostateczna; wypłaty zostaną zaplanowane.'],
          ['overturn', 'Uchylenie decyzji'],
          ['send_back', 'Uchylenie i przekazanie do ponownego rozpatrzenia', 'Wniosek wraca do rozpatrzenia — trzeba wydać nową decyzję.'],
        ],
        confirm: (date) => `Rozstrzygnięcie SKO z dnia ${formatDay(date)} zostanie zapisane w historii decyzji. Tej czynności nie można cofnąć.`,
      });
      break;
    case 'sent_back':
      notes.push('SKO przekazało sprawę do ponownego rozpatrzenia: wniosek jest znowu w toku i wymaga nowej decyzji.');
      break;
  }
  return { offered: offered.filter((s) => can(s.permission)), notes };
}

export async function renderDecision(ctx: PageContext): Promise<void> {
  const id = encodeURIComponent(ctx.params.id);
  const d = await loadInScope<Decision>(ctx, `/decisions/${id}`);
  if (!d || !ctx.isCurrent()) return;
  const hid = encodeURIComponent(String(d.household_id));
  const [forms, app, totals, payments] = await Promise.all([
    api.get<{ forms: FormOfHelp[] }>('/rules/forms-of-help').then((r) => r.forms).catch(() => [] as FormOfHelp[]),
    d.application_id !== null
      ? api.get<Application>(`/applications/${encodeURIComponent(String(d.application_id))}`).catch(() => null) : Promise.resolve(null),
    api.get<PaymentTotals>(`/decisions/${id}/payment-totals`),
    api.get<Items<Payment>>(`/households/${hid}/payments`).then((r) => r.items.filter((p) => String(p.decision_id) === String(d.id))),
  ]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(decisionName(d));
  const form = forms.find((f) => f.code === d.form);
  const today = todayIso();
  const { offered, notes } = steps(d, today);
  const pdfName = `decyzja-${(d.number ?? `projekt-${d.id}`).replace(/\//g, '-')}.pdf`;

  append(ctx.content,
    h('ul', { class: 'plain-list context-links' },
      h('li', null, h('a', { href: householdHref(d.household_id), class: 'back-link' }, 'Karta środowiska')),
      app ? h('li', null, h('a', { href: applicationHref(app.id), class: 'back-link' }, `Wniosek ${app.number}`)) : null),
    takeFlash(location.pathname),
    section('Dane decyzji', summaryList([
      ['Numer', d.number ?? 'Nadawany przy podpisaniu'],
      ['Stan', decisionStateTag(d.state)],
      ['Rodzaj', label(DECISION_KIND_LABELS, d.kind)],
      ['Forma pomocy', form ? `${d.form_name} (${form.article})` : d.form_name],
      ['Strona', h('a', { href: personHref(d.person.id, d.household_id) }, d.person.name)],
      ['Okres', periodText(d, form)],
      ['Kwota', amountView(d, form)],
      ['Gospodarstwo domowe', householdFacts(d)],
      ...(form?.cash && (d.kind === 'grant' || d.kind === 'change')
        ? [['Sposób wypłaty', d.payment_method === 'transfer'
            ? h('span', null, label(PAYMENT_METHOD_LABELS, d.payment_method), h('br'), h('span', { class: 'code-inline' }, formatIban(d.iban)))
            : label(PAYMENT_METHOD_LABELS, d.payment_method)] as [string, string | HTMLElement]]
        : []),
      ...(d.changes_decision_id !== null
        ? [['Decyzja, której dotyczy', h('a', { href: decisionHref(d.changes_decision_id) }, 'Decyzja zmieniana')] as [string, HTMLElement]]
        : []),
      ...datesRows(d),
    ])),
    section('Podstawa prawna',
      h('p', { class: 'prose' }, d.legal_basis || '—'),
      h('p', { class: 'hint' }, 'Brzmienie z szablonu ośrodka — takie jak w wydruku decyzji.')),
    d.calculation.length
      ? section('Wyliczenie kwoty', h('ul', { class: 'preview__lines' }, d.calculation.map((line) => h('li', null, line))))
      : null,
    section('Uzasadnienie', d.reasoning ? h('p', { class: 'pre-line prose' }, d.reasoning) : h('p', { class: 'muted' }, 'Nie wpisano uzasadnienia.')),
    section('Dokument',
      h('p', null, h('a', { href: `/api/v1/decisions/${id}/pdf`, download: pdfName, class: 'button button--secondary' },
        d.number ? 'Pobierz decyzję (PDF)' : 'Pobierz projekt decyzji (PDF)')),
      h('p', { class: 'hint' }, d.number ? 'Decyzja do druku i doręczenia stronie.' : 'Projekt jest oznaczony na wydruku napisem „PROJEKT DECYZJI”.')),
    offered.length || notes.length
      ? section('Czynności w sprawie decyzji',
          notes.map((n) => notice('info', h('p', null, n))),
          d.state === 'sent_back' && app && can('decisions.write')
            ? h('p', null, h('a', { href: newDecisionHref(d.household_id, app.id), class: 'button button--primary' }, 'Wydaj nową decyzję'))
            : null,
          offered.map((s) => stepForm(d, s, today)))
      : null,
    section('Historia decyzji', historyTable(d)),
    section('Wypłaty', paymentsView(d, form, totals, payments, forms)));
}

function amountView(d: Decision, form: FormOfHelp | undefined): HTMLElement | string {
  const text = amountText(d, form);
  if (d.calculated_grosze === null || d.calculated_grosze === d.amount_grosze) return text;
  return h('div', null,
    h('p', { class: 'nowrap' }, text),
    h('p', { class: 'hint' }, `Kwota wyliczona: ${formatMoney(d.calculated_grosze)}. Inna kwota, ponieważ: ${d.amount_justification || '—'}`));
}

function householdFacts(d: Decision): string {
  const parts: string[] = [];
  if (d.household_size !== null) parts.push(plural(d.household_size, 'osoba', 'osoby', 'osób'));
  if (d.income_grosze !== null) parts.push(`dochód ${formatMoney(d.income_grosze)} miesięcznie`);
  return parts.join(', ');
}

function datesRows(d: Decision): [string, string][] {
  const rows: [string, string | null, boolean?][] = [
    ['Data wydania', d.issued_on],
    ['Data doręczenia', d.delivered_on],
    ['Termin na odwołanie', d.appeal_deadline],
    ['Data wniesienia odwołania', d.appealed_on],
    ['Ostateczna od', d.final_on],
    ['Rozstrzygnięcie SKO', d.outcome_on],
  ];
  return rows.filter(([, v]) => v).map(([k, v]) => [k, formatDay(v)]);
}

function historyTable(d: Decision): HTMLElement {
  return table(`Historia decyzji (${d.events.length})`, ['Data czynności', 'Czynność', 'Stan po czynności', 'Opis', 'Kto', 'Zapisano'],
    d.events.map((e) => [
      formatDay(e.on), label(DECISION_ACTION_LABELS, e.action), label(DECISION_STATE_LABELS, e.state), e.note, e.user || '—',
      formatDateTime(e.at),
    ]), { captionHidden: true });
}

function paymentsView(d: Decision, form: FormOfHelp | undefined, totals: PaymentTotals, payments: Payment[], forms: FormOfHelp[]): HTMLElement {
  if (!form?.cash || !(d.kind === 'grant' || d.kind === 'change')) {
    return emptyState(form?.cash ? 'Ta decyzja nie przewiduje wypłat.' : 'Pomoc niepieniężna — decyzja nie przewiduje wypłat.');
  }
  if (!inForce(d.state) && !payments.length) {
    return emptyState('Wypłaty zostaną zaplanowane, gdy decyzja stanie się ostateczna.');
  }
  return h('div', null,
    summaryList([
      ['Przyznano decyzją', formatMoney(totals.granted_grosze)],
      ['Suma wypłat', formatMoney(totals.payments_grosze)],
      ['Zgodność', totals.reconciled ? 'Wypłaty są zgodne z decyzją' : 'Suma wypłat różni się od kwoty przyznanej — sprawdź korekty'],
    ]),
    payments.length
      ? paymentsTable(`Wypłaty z decyzji (${payments.length})`, payments, new Map(forms.map((f) => [f.code, f])), false)
      : emptyState('Brak wypłat.'));
}

/** A step as a small form: date (today by default, not in the future), the button, a confirm dialog, then the page anew. */
function stepForm(d: Decision, s: Step, today: string): HTMLElement {
  const titleId = uid('krok');
  const form = h('form', { class: 'form panel', novalidate: true, 'aria-labelledby': titleId },
    h('h3', { id: titleId, class: 'panel__title' }, s.title),
    h('p', null, s.text),
    s.outcomes ? radioGroup('Rozstrzygnięcie', 'outcome', s.outcomes, s.outcomes[0][0]) : null,
    inputField({ label: s.dateLabel, name: 'date', type: 'date', required: true, value: today, width: 'short' }),
    button(s.submit, { type: 'submit', kind: s.danger ? 'danger' : 'primary' }));
  form.querySelector('input[name=date]')!.setAttribute('max', today);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    if (!v.date) return showFormErrors(form, [{ field: 'date', message: 'Podaj datę czynności.' }]);
    const action = s.outcomes ? v.outcome : s.action;
    const name = s.outcomes ? s.outcomes.find(([a]) => a === action)?.[1] ?? s.title : s.title;
    const ok = await confirmDialog({
      title: `${name}: ${decisionName(d)}?`, text: s.confirm(v.date), confirm: s.submit, kind: s.danger ? 'danger' : 'primary',
    });
    if (!ok) return;
    try {
      const id = encodeURIComponent(String(d.id));
      const done = action === 'approve'
        ? await api.post<Decision>(`/decisions/${id}/approve`, { date: v.date })
        : await api.post<Decision>(`/decisions/${id}/events`, { action, date: v.date });
      const last = done.events[done.events.length - 1];
      setFlash(decisionHref(d.id),
        `${label(DECISION_ACTION_LABELS, action)}: ${last?.note ?? ''}`.trim() + (done.number && !d.number ? ` Numer decyzji: ${done.number}.` : ''));
      navigate(decisionHref(d.id), { replace: true });
    } catch (err) {
      showApiError(form, err);
    }
  });
  return form;
}

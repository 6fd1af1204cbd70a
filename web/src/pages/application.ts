// Wniosek (cases.read): number, status, dates and deadlines, forms of help, art. 7 reasons in the wording of the day
// of receipt, its interviews (conduct a planned one with cases.write), the decisions in the case („Wydaj decyzję” with
// decisions.write while it is open), and withdrawal by the applicant.
import { api } from '../api';
import { append, h } from '../dom';
import {
  APPLICATION_STATUS_LABELS, INTERVIEW_KIND_LABELS, INTERVIEW_STATUS_LABELS, MODE_LABELS, formatDay, label, todayIso,
} from '../labels';
import type { Application, Decision, FormOfHelp, Interview, Items } from '../model';
import { navigate, type PageContext } from '../router';
import { can } from '../session';
import {
  button, confirmDialog, emptyState, formValues, inputField, section, setFlash, showApiError, showFormErrors, summaryList,
  table, tag, takeFlash,
} from '../ui';
import { applicationHref, deadline, householdHref, interviewHref, loadInScope, newDecisionHref } from './case-common';
import { decisionsTable } from './decision-common';

const STATUS_TAG: Record<string, 'blue' | 'green' | 'grey'> = { open: 'blue', decided: 'green', withdrawn: 'grey' };

export async function renderApplication(ctx: PageContext): Promise<void> {
  const a = await loadInScope<Application>(ctx, `/applications/${encodeURIComponent(ctx.params.id)}`);
  if (!a) return;
  const [forms, decisions] = await Promise.all([
    api.get<{ forms: FormOfHelp[] }>('/rules/forms-of-help').then((r) => r.forms).catch(() => [] as FormOfHelp[]),
    api.get<Items<Decision>>(`/households/${encodeURIComponent(String(a.household_id))}/decisions`)
      .then((r) => r.items.filter((d) => String(d.application_id) === String(a.id))),
  ]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`Wniosek ${a.number}`);
  const formNames = new Map(forms.map((f) => [f.code, `${f.name} (${f.article})`]));
  const open = a.status === 'open';
  const initialPlanned = a.interviews.some((i) => i.kind === 'initial' && i.status === 'planned');

  append(ctx.content,
    h('p', null, h('a', { href: householdHref(a.household_id), class: 'back-link' }, 'Karta środowiska')),
    takeFlash(location.pathname),
    section('Dane wniosku', summaryList([
      ['Numer', a.number],
      ['Status', tag(label(APPLICATION_STATUS_LABELS, a.status), STATUS_TAG[a.status] ?? 'grey')],
      ['Wnioskodawca', a.applicant.name],
      ['Tryb', label(MODE_LABELS, a.mode)],
      ['Data wpływu', formatDay(a.received_on)],
      ['Termin wywiadu środowiskowego', deadline(a.interview_due, open && initialPlanned)],
      ['Termin wydania decyzji', deadline(a.decision_due, open)],
      ...(a.closed_on ? [[a.status === 'withdrawn' ? 'Data wycofania' : 'Data zakończenia', formatDay(a.closed_on)] as [string, string]] : []),
      ['Sprawa pilna', a.urgent ? 'Tak — wywiad w ciągu 2 dni roboczych' : 'Nie'],
      ['Sprawa szczególnie skomplikowana', a.complex ? 'Tak — decyzja w ciągu 2 miesięcy' : 'Nie'],
      ['Formy pomocy', a.forms.length ? h('ul', { class: 'plain-list' }, a.forms.map((f) => h('li', null, formNames.get(f) ?? f))) : ''],
      ['Powody (art. 7)', a.reasons.length
        ? h('div', null,
            h('ul', { class: 'plain-list' }, a.reasons.map((r) => h('li', null, r.point ? `pkt ${r.point} — ${r.wording}` : r.wording))),
            h('p', { class: 'hint' }, `W brzmieniu z dnia wpływu wniosku (${formatDay(a.received_on)}).`))
        : ''],
      ['Opis', a.description ? h('span', { class: 'pre-line' }, a.description) : ''],
    ])),
    section('Wywiady środowiskowe', interviewsTable(a)),
    section('Decyzje w sprawie',
      decisions.length
        ? decisionsTable(`Decyzje w sprawie wniosku ${a.number}`, decisions, new Map(forms.map((f) => [f.code, f])))
        : emptyState(open ? 'W tej sprawie nie wydano jeszcze decyzji.' : 'Brak decyzji w tej sprawie.'),
      open && can('decisions.write')
        ? h('p', null, h('a', { href: newDecisionHref(a.household_id, a.id), class: 'button button--primary' }, 'Wydaj decyzję'))
        : null),
    open && can('cases.write') ? section('Wycofanie wniosku', withdrawForm(a)) : null);
}

function interviewsTable(a: Application): HTMLElement {
  if (!a.interviews.length) return emptyState('Do tego wniosku nie zaplanowano wywiadu.');
  const sorted = [...a.interviews].sort((x, y) => y.due_on.localeCompare(x.due_on));
  return table(`Wywiady do wniosku ${a.number}`, ['Rodzaj', 'Termin', 'Stan', 'Przeprowadzony', 'Działania'],
    sorted.map((i) => [
      label(INTERVIEW_KIND_LABELS, i.kind),
      deadline(i.due_on, i.status === 'planned'),
      label(INTERVIEW_STATUS_LABELS, i.status),
      i.conducted_on ? formatDay(i.conducted_on) : '—',
      interviewAction(a, i),
    ]), { captionHidden: true });
}

function interviewAction(a: Application, i: Interview): HTMLElement | string {
  const kind = label(INTERVIEW_KIND_LABELS, i.kind);
  const text = i.status === 'planned' && can('cases.write') ? 'Przeprowadź wywiad' : i.status === 'completed' ? 'Zobacz wywiad' : '';
  if (!text) return '—';
  return h('a', { href: interviewHref(a.household_id, i.id), 'aria-label': `${text}: ${kind}, termin ${formatDay(i.due_on)}` }, text);
}

function withdrawForm(a: Application): HTMLFormElement {
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Wycofanie wniosku' },
    h('p', null, 'Wnioskodawca może wycofać wniosek do czasu wydania decyzji (art. 105 § 2 KPA). Zaplanowane wywiady do wniosku zostaną anulowane.'),
    inputField({ label: 'Data wycofania', name: 'date', type: 'date', required: true, value: todayIso(), width: 'short' }),
    button('Wycofaj wniosek', { type: 'submit', kind: 'danger' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const { date } = formValues(form);
    if (!date) return showFormErrors(form, [{ field: 'date', message: 'Podaj datę wycofania wniosku.' }]);
    const ok = await confirmDialog({
      title: `Wycofać wniosek ${a.number}?`,
      text: `Wniosek zostanie oznaczony jako wycofany z dniem ${formatDay(date)}, a zaplanowane wywiady do niego — anulowane. Tej czynności nie można cofnąć.`,
      confirm: 'Wycofaj wniosek',
    });
    if (!ok) return;
    try {
      await api.post(`/applications/${encodeURIComponent(String(a.id))}/withdraw`, { date });
      setFlash(applicationHref(a.id), `Wniosek ${a.number} wycofano z dniem ${formatDay(date)}.`);
      navigate(applicationHref(a.id), { replace: true });
    } catch (err) {
      showApiError(form, err);
    }
  });
  return form;
}

// Pieces shared by the pages that show decisions and payments (household card, application, decision, payment lists):
// state tags, period and amount in words, and the decisions and payments tables.
import { h } from '../dom';
import {
  DECISION_KIND_LABELS, DECISION_STATE_LABELS, PAYMENT_STATUS_LABELS, formatDay, formatIban, formatMoney, formatMonth, label,
} from '../labels';
import type { Decision, FormOfHelp, Payment } from '../model';
import { can } from '../session';
import { emptyState, table, tag } from '../ui';
import { decisionHref, paymentListHref } from './case-common';

const STATE_TAG: Record<string, 'grey' | 'blue' | 'green' | 'yellow' | 'red'> = {
  draft: 'yellow', approved: 'blue', delivered: 'blue', final: 'green', upheld: 'green', appealed: 'yellow',
  overturned: 'red', sent_back: 'grey', cancelled: 'grey',
};
const PAYMENT_TAG: Record<string, 'grey' | 'blue' | 'green' | 'yellow' | 'red'> = {
  planned: 'grey', sent: 'blue', paid: 'green', returned: 'red', cancelled: 'grey', to_recover: 'red',
};

export function decisionStateTag(state: string): HTMLElement {
  return tag(label(DECISION_STATE_LABELS, state), STATE_TAG[state] ?? 'grey');
}

export function paymentStatusTag(status: string): HTMLElement {
  return tag(label(PAYMENT_STATUS_LABELS, status), PAYMENT_TAG[status] ?? 'grey');
}

/** Binding and producing effects (KPA): final, or upheld by the SKO. */
export function inForce(state: string): boolean { return state === 'final' || state === 'upheld'; }

/** "od 01.12.2026 do 28.02.2027", "od 01.12.2026 na czas nieokreślony", "jednorazowo, 05.12.2026". */
export function periodText(d: Pick<Decision, 'period_from' | 'period_to'>, form?: FormOfHelp): string {
  if (!d.period_from) return '—';
  if (form && form.cash && !form.continuing) return `jednorazowo, ${formatDay(d.period_from)}`;
  return d.period_to ? `od ${formatDay(d.period_from)} do ${formatDay(d.period_to)}` : `od ${formatDay(d.period_from)} na czas nieokreślony`;
}

/** "999,50 zł miesięcznie", "300,00 zł jednorazowo", or why there is no amount. */
export function amountText(d: Decision, form?: FormOfHelp): string {
  if (d.kind === 'refuse' || d.kind === 'suspend' || d.kind === 'withdraw') return 'nie dotyczy';
  if (form && !form.cash) return 'pomoc niepieniężna';
  if (!d.amount_grosze) return '—';
  return `${formatMoney(d.amount_grosze)}${form ? (form.continuing ? ' miesięcznie' : ' jednorazowo') : ''}`;
}

/** "Decyzja D/2026/4" or "Projekt decyzji (zasiłek okresowy)" — how a decision is named in links and headings. */
export function decisionName(d: Pick<Decision, 'number' | 'form_name'>): string {
  return d.number ? `Decyzja ${d.number}` : `Projekt decyzji (${d.form_name})`;
}

export function decisionsTable(caption: string, decisions: Decision[], forms: Map<string, FormOfHelp>): HTMLElement {
  if (!decisions.length) return emptyState('Brak decyzji.');
  return table(caption, ['Decyzja', 'Rodzaj', 'Forma pomocy', 'Okres', 'Kwota', 'Stan', 'Strona'],
    decisions.map((d) => [
      h('a', { href: decisionHref(d.id) }, d.number ?? 'Projekt'),
      label(DECISION_KIND_LABELS, d.kind),
      d.form_name,
      periodText(d, forms.get(d.form)),
      h('span', { class: 'nowrap' }, amountText(d, forms.get(d.form))),
      decisionStateTag(d.state),
      d.person.name,
    ]), { captionHidden: true });
}

/** Payments of a household or a decision: due date, month, amount, method, state, and the list each went out on. */
export function paymentsTable(caption: string, payments: Payment[], forms: Map<string, FormOfHelp>, withDecision: boolean): HTMLElement {
  const headers = ['Termin wypłaty', 'Za miesiąc', 'Świadczenie', 'Kwota', 'Sposób wypłaty', 'Stan', 'Lista wypłat'];
  if (withDecision) headers.push('Decyzja');
  return table(caption, headers, payments.map((p) => {
    const row = [
      formatDay(p.due_on),
      p.month ? formatMonth(p.month) : 'jednorazowo',
      (forms.get(p.form)?.name ?? p.form) + (p.kind === 'correction' ? ' (korekta)' : ''),
      h('span', { class: 'nowrap' }, formatMoney(p.amount_grosze)),
      p.method === 'transfer' ? h('span', null, 'przelew', h('br'), h('span', { class: 'code-inline' }, formatIban(p.iban))) : 'kasa',
      h('span', null, paymentStatusTag(p.status), p.status_on && p.status !== 'planned' ? ` ${formatDay(p.status_on)}` : ''),
      p.list_id === null ? '—' : can('payments.read')
        ? h('a', { href: paymentListHref(p.list_id), 'aria-label': `Lista wypłat: wypłata z terminem ${formatDay(p.due_on)}` }, 'Lista wypłat')
        : 'na liście',
    ] as (string | HTMLElement)[];
    if (withDecision) row.push(h('a', { href: decisionHref(p.decision_id) }, p.decision_number ?? 'Decyzja'));
    return row;
  }), { captionHidden: true });
}

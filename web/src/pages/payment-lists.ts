// Listy wypłat (payments.read): the centre's payment lists; with payments.manage a new list gathers the planned payments
// due by a payment date for one method (POST /payment-lists). A list (/wyplaty/:id) shows its payments and totals, the
// files for the bank and the accounts (CSV, XLSX, Elixir-O: GET /payment-lists/{id}/export?format=), sending it
// (payments become „wysłane”) and, once sent, each payment confirmed as paid or returned on a date.
import { api } from '../api';
import { append, h } from '../dom';
import {
  PAYMENT_LIST_STATUS_LABELS, PAYMENT_METHOD_LABELS, formatDay, formatIban, formatMoney, formatMonth, label, plural, todayIso,
} from '../labels';
import type { FormOfHelp, Items, Payment, PaymentListDetail, PaymentListSummary } from '../model';
import { navigate, type PageContext } from '../router';
import { can } from '../session';
import {
  button, confirmDialog, emptyState, formValues, inputField, radioGroup, section, setFlash, showApiError, showFormErrors,
  summaryList, table, tag, takeFlash,
} from '../ui';
import { decisionHref, householdHref, paymentListHref } from './case-common';
import { paymentStatusTag } from './decision-common';

const METHOD_SHORT: Record<string, string> = { transfer: 'przelew', cash: 'kasa' };

function listStatusTag(status: string): HTMLElement {
  return tag(label(PAYMENT_LIST_STATUS_LABELS, status), status === 'sent' ? 'green' : 'yellow');
}

export async function renderPaymentLists(ctx: PageContext): Promise<void> {
  const lists = (await api.get<Items<PaymentListSummary>>('/payment-lists')).items;
  if (!ctx.isCurrent()) return;
  append(ctx.content,
    takeFlash(location.pathname),
    h('p', { class: 'lead' }, 'Wypłaty świadczeń z decyzji ostatecznych, zebrane w listy według dnia wypłaty i sposobu: przelewem do banku albo w kasie ośrodka.'),
    can('payments.manage') ? section('Nowa lista wypłat', newListForm()) : null,
    section('Listy wypłat',
      lists.length
        ? table(`Listy wypłat (${lists.length})`, ['Numer', 'Dzień wypłaty', 'Sposób', 'Stan', 'Liczba wypłat', 'Suma'],
            lists.map((l) => [
              h('a', { href: paymentListHref(l.id) }, l.number),
              formatDay(l.payment_date),
              label(PAYMENT_METHOD_LABELS, l.method),
              listStatusTag(l.status),
              String(l.count),
              h('span', { class: 'nowrap' }, formatMoney(l.total_grosze)),
            ]), { captionHidden: true })
        : emptyState('Nie utworzono jeszcze żadnej listy wypłat.')));
}

function newListForm(): HTMLFormElement {
  const today = todayIso();
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Nowa lista wypłat' },
    h('p', null, 'Na listę trafią wszystkie zaplanowane wypłaty wybranym sposobem z terminem do dnia wypłaty włącznie, które nie są jeszcze na innej liście.'),
    inputField({ label: 'Dzień wypłaty', name: 'payment_date', type: 'date', required: true, value: today, width: 'short' }),
    radioGroup('Sposób wypłaty', 'method', [['transfer', 'Przelew na rachunek bankowy'], ['cash', 'Wypłata w kasie ośrodka']], 'transfer'),
    button('Utwórz listę wypłat', { type: 'submit' }));
  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    if (!v.payment_date) return showFormErrors(form, [{ field: 'payment_date', message: 'Podaj dzień wypłaty.' }]);
    submitButton.disabled = true;
    try {
      const list = await api.post<PaymentListSummary>('/payment-lists', { payment_date: v.payment_date, method: v.method });
      setFlash(paymentListHref(list.id), `Utworzono listę ${list.number}: ${plural(list.count, 'wypłata', 'wypłaty', 'wypłat')} ` +
        `na kwotę ${formatMoney(list.total_grosze)}, dzień wypłaty ${formatDay(list.payment_date)}.`);
      navigate(paymentListHref(list.id));
    } catch (err) {
      showApiError(form, err);
    } finally {
      submitButton.disabled = false;
    }
  });
  return form;
}

export async function renderPaymentList(ctx: PageContext): Promise<void> {
  const id = encodeURIComponent(ctx.params.id);
  const [list, forms] = await Promise.all([
    api.get<PaymentListDetail>(`/payment-lists/${id}`),
    api.get<{ forms: FormOfHelp[] }>('/rules/forms-of-help').then((r) => r.forms).catch(() => [] as FormOfHelp[]),
  ]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`Lista wypłat ${list.number}`);
  const formNames = new Map(forms.map((f) => [f.code, f.name]));
  const manage = can('payments.manage');
  const exportHref = (format: string) => `/api/v1/payment-lists/${id}/export?format=${format}`;
  const file = list.number.replace(/\//g, '-');
  // Once the list is sent, each payment is confirmed on the day entered once above the table.
  const dateForm = manage && list.payments.some((p) => p.status === 'sent') ? confirmDateForm() : null;

  append(ctx.content,
    h('p', null, h('a', { href: '/wyplaty', class: 'back-link' }, 'Listy wypłat')),
    takeFlash(location.pathname),
    section('Dane listy', summaryList([
      ['Numer', list.number],
      ['Dzień wypłaty', formatDay(list.payment_date)],
      ['Sposób wypłaty', label(PAYMENT_METHOD_LABELS, list.method)],
      ['Stan', listStatusTag(list.status)],
      ['Liczba wypłat', String(list.count)],
      ['Suma', h('strong', { class: 'nowrap' }, formatMoney(list.total_grosze))],
    ])),
    section('Pliki listy',
      h('ul', { class: 'plain-list file-links' },
        h('li', null, h('a', { href: exportHref('csv'), download: `lista-wyplat-${file}.csv` }, 'Lista w pliku CSV'), ' — dla księgowości, rozdzielany średnikami'),
        h('li', null, h('a', { href: exportHref('xlsx'), download: `lista-wyplat-${file}.xlsx` }, 'Lista w arkuszu XLSX'), ' — do druku i podpisów'),
        list.method === 'transfer'
          ? h('li', null, h('a', { href: exportHref('elixir'), download: `lista-wyplat-${file}.pli` }, 'Plik przelewów dla banku (Elixir-O)'),
              ' — do wczytania w bankowości elektronicznej')
          : null),
      h('p', { class: 'hint' }, 'Pobranie pliku z danymi odbiorców jest odnotowywane w dzienniku audytu.')),
    manage && list.status === 'draft' ? section('Wysłanie listy', sendForm(list)) : null,
    section('Wypłaty na liście',
      dateForm,
      list.payments.length
        ? table(`Wypłaty na liście ${list.number} (${list.payments.length})`,
            ['Odbiorca', 'Świadczenie', 'Decyzja', 'Termin', 'Rachunek', 'Kwota', 'Stan', ...(dateForm ? ['Potwierdzenie'] : [])],
            list.payments.map((p) => paymentRow(p, formNames, dateForm)), { captionHidden: true })
        : emptyState('Lista nie zawiera wypłat.')));
}

function paymentRow(p: Payment, formNames: Map<string, string>, dateForm: HTMLFormElement | null): (string | HTMLElement)[] {
  const who = p.person.name;
  const row: (string | HTMLElement)[] = [
    h('a', { href: householdHref(p.household_id), 'aria-label': `${who}: karta środowiska` }, who),
    `${formNames.get(p.form) ?? p.form}${p.month ? `, ${formatMonth(p.month)}` : ''}`,
    h('a', { href: decisionHref(p.decision_id) }, p.decision_number ?? 'Decyzja'),
    formatDay(p.due_on),
    p.method === 'transfer' ? h('span', { class: 'code-inline' }, formatIban(p.iban)) : METHOD_SHORT[p.method] ?? p.method,
    h('span', { class: 'nowrap' }, formatMoney(p.amount_grosze)),
    h('span', null, paymentStatusTag(p.status), p.status_on && p.status !== 'planned' ? ` ${formatDay(p.status_on)}` : ''),
  ];
  if (dateForm) {
    row.push(p.status === 'sent'
      ? h('div', { class: 'button-group button-group--tight' },
          confirmButton(p, 'paid', 'Wypłacona', dateForm), confirmButton(p, 'returned', 'Zwrócona', dateForm))
      : '—');
  }
  return row;
}

function sendForm(list: PaymentListDetail): HTMLFormElement {
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Wysłanie listy' },
    h('p', null, list.method === 'transfer'
      ? 'Wyślij listę, gdy plik przelewów został przekazany do banku. Wypłaty na liście zmienią stan na „wysłana”; listy nie można potem zmienić.'
      : 'Wyślij listę, gdy została przekazana do kasy. Wypłaty na liście zmienią stan na „wysłana”; listy nie można potem zmienić.'),
    button('Wyślij listę', { type: 'submit' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ok = await confirmDialog({
      title: `Wysłać listę ${list.number}?`,
      text: `${plural(list.count, 'wypłata', 'wypłaty', 'wypłat')} na kwotę ${formatMoney(list.total_grosze)} zostanie oznaczonych jako wysłane ${list.method === 'transfer' ? 'do banku' : 'do kasy'}. Tej czynności nie można cofnąć.`,
      confirm: 'Wyślij listę', kind: 'primary',
    });
    if (!ok) return;
    try {
      const sent = await api.post<PaymentListSummary>(`/payment-lists/${encodeURIComponent(String(list.id))}/send`);
      setFlash(paymentListHref(list.id), `Wysłano listę ${sent.number}.`);
      navigate(paymentListHref(list.id), { replace: true });
    } catch (err) {
      showApiError(form, err);
    }
  });
  return form;
}

/** The day the bank or the cash desk confirmed, shared by every row's „Wypłacona” / „Zwrócona” button. */
function confirmDateForm(): HTMLFormElement {
  const form = h('form', { class: 'form form--filters', novalidate: true, 'aria-label': 'Potwierdzenie wypłat' },
    h('p', null, 'Gdy bank albo kasa potwierdzi wypłatę, oznacz ją jako wypłaconą; przelew odrzucony przez bank (np. zamknięty rachunek) — jako zwrócony.'),
    inputField({ label: 'Data potwierdzenia', name: 'date', type: 'date', required: true, value: todayIso(), width: 'short' }));
  form.querySelector('input[name=date]')!.setAttribute('max', todayIso());
  form.addEventListener('submit', (e) => e.preventDefault());
  return form;
}

function confirmButton(p: Payment, status: 'paid' | 'returned', text: string, form: HTMLFormElement): HTMLButtonElement {
  const b = button(text, {
    kind: status === 'paid' ? 'secondary' : 'link',
    onClick: async () => {
      const date = formValues(form).date;
      if (!date) return showFormErrors(form, [{ field: 'date', message: 'Podaj datę potwierdzenia.' }]);
      const what = `${p.person.name}, ${formatMoney(p.amount_grosze)}`;
      const ok = await confirmDialog({
        title: status === 'paid' ? 'Potwierdzić wypłatę?' : 'Oznaczyć wypłatę jako zwróconą?',
        text: `${what} — ${status === 'paid' ? 'wypłacona' : 'zwrócona'} ${formatDay(date)}.`,
        confirm: status === 'paid' ? 'Potwierdź wypłatę' : 'Oznacz jako zwróconą', kind: status === 'paid' ? 'primary' : 'danger',
      });
      if (!ok) return;
      try {
        await api.post(`/payments/${encodeURIComponent(String(p.id))}/status`, { status, date });
        setFlash(location.pathname, `${what}: ${status === 'paid' ? 'wypłatę potwierdzono' : 'wypłatę oznaczono jako zwróconą'} z dniem ${formatDay(date)}.`);
        navigate(location.pathname, { replace: true });
      } catch (err) {
        showApiError(form, err);
      }
    },
  });
  b.setAttribute('aria-label', `${text}: ${p.person.name}, ${formatMoney(p.amount_grosze)}`);
  return b;
}

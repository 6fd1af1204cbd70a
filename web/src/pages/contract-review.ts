// Ocena kontraktu socjalnego (cases.write): on the review date the worker either sets the next review or records the
// outcome, which closes the contract (POST /social-work/{id}/review with the date, the outcome or the next review,
// and a note kept with the contract). The contract comes from GET /households/{id}/social-work.
import { api, ApiError } from '../api';
import { append, h } from '../dom';
import { CONTRACT_OUTCOME_LABELS, formatDay, label, todayIso } from '../labels';
import type { Household, Items, SocialWorkRecord } from '../model';
import { navigate, type PageContext } from '../router';
import {
  button, formValues, inputField, radioGroup, section, selectField, setFlash, showFormErrors, summaryList, textareaField,
  toApiError, type FieldError,
} from '../ui';
import { householdBackLink, householdHref, householdStreet, loadHousehold } from './case-common';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function renderContractReview(ctx: PageContext): Promise<void> {
  const hh = await loadHousehold(ctx, ctx.params.id);
  if (!hh || !ctx.isCurrent()) return;
  const items = (await api.get<Items<SocialWorkRecord>>(`/households/${encodeURIComponent(String(hh.id))}/social-work`)).items;
  if (!ctx.isCurrent()) return;
  const contract = items.find((w) => String(w.id) === ctx.params.contractId && w.kind === 'contract');
  if (!contract) throw new ApiError(404, 'not_found', 'Nie znaleziono kontraktu socjalnego.');
  ctx.setTitle(`Ocena kontraktu socjalnego: ${householdStreet(hh.address)}`);
  const person = hh.members.find((m) => String(m.person.id) === String(contract.person_id));
  append(ctx.content,
    householdBackLink(hh),
    section('Kontrakt',
      summaryList([
        ['Osoba', person ? `${person.person.first_name} ${person.person.last_name}` : '—'],
        ['Okres', contract.until_date ? `${formatDay(contract.on_date)} – ${formatDay(contract.until_date)}` : formatDay(contract.on_date)],
        ['Termin oceny', contract.review_on ? formatDay(contract.review_on) : '—'],
        ['Stan', contract.outcome ? label(CONTRACT_OUTCOME_LABELS, contract.outcome) : 'w realizacji'],
        ['Cele i zobowiązania', h('span', { class: 'pre-line' }, contract.description)],
      ])),
    contract.outcome ? h('p', null, 'Kontrakt został już oceniony i zamknięty.') : section('Ocena', reviewForm(hh, contract)));
}

function reviewForm(hh: Household, contract: SocialWorkRecord): HTMLFormElement {
  const next = inputField({ label: 'Termin następnej oceny', name: 'review_on', type: 'date', required: true, width: 'short' });
  const outcome = selectField({ label: 'Wynik kontraktu', name: 'outcome', required: true, width: 'full', emptyLabel: 'Wybierz wynik',
    options: Object.entries(CONTRACT_OUTCOME_LABELS) });
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Ocena kontraktu socjalnego' },
    inputField({ label: 'Data oceny', name: 'on_date', type: 'date', required: true, value: todayIso(), width: 'short' }),
    radioGroup('Po ocenie', 'mode', [['continue', 'Kontrakt trwa — wyznacz następną ocenę'], ['close', 'Zamknij kontrakt z wynikiem']], 'continue'),
    next, outcome,
    textareaField({ label: 'Notatka z oceny', name: 'note', rows: 4 }),
    button('Zapisz ocenę', { type: 'submit' }));
  const mode = () => form.querySelector<HTMLInputElement>('input[name=mode]:checked')?.value ?? 'continue';
  const sync = () => { next.hidden = mode() !== 'continue'; outcome.hidden = mode() !== 'close'; };
  form.querySelectorAll<HTMLInputElement>('input[name=mode]').forEach((r) => r.addEventListener('change', sync));
  sync();

  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const closing = mode() === 'close';
    const errors: FieldError[] = [];
    if (!DAY.test(v.on_date ?? '')) errors.push({ field: 'on_date', message: 'Podaj datę oceny.' });
    if (closing && !v.outcome) errors.push({ field: 'outcome', message: 'Wybierz wynik kontraktu.' });
    if (!closing && !DAY.test(v.review_on ?? '')) errors.push({ field: 'review_on', message: 'Podaj termin następnej oceny.' });
    if (errors.length) return showFormErrors(form, errors);
    submitButton.disabled = true;
    try {
      const saved = await api.post<SocialWorkRecord>(`/social-work/${encodeURIComponent(String(contract.id))}/review`, {
        on_date: v.on_date, outcome: closing ? v.outcome : '', review_on: closing ? undefined : v.review_on, note: v.note ?? '',
      });
      setFlash(householdHref(hh.id), saved.outcome
        ? `Zamknięto kontrakt socjalny: ${label(CONTRACT_OUTCOME_LABELS, saved.outcome)}.`
        : `Zapisano ocenę kontraktu socjalnego. Następna ocena: ${formatDay(saved.review_on!)}.`);
      navigate(householdHref(hh.id));
    } catch (err) {
      const ae = toApiError(err);
      showFormErrors(form, [{ field: ['on_date', 'outcome', 'review_on', 'note'].includes(ae.field) ? ae.field : undefined, message: ae.message }]);
    } finally {
      submitButton.disabled = false;
    }
  });
  return form;
}

// Nowy wniosek (cases.write) for a household: applicant from its members, date of receipt (today by default), mode,
// urgent/complex, forms of help (GET /rules/forms-of-help) and art. 7 reasons in the wording in force on the date of
// receipt (GET /rules/reasons?date=, reloaded when the date changes). Server errors are shown at the named field.
import { api } from '../api';
import { append, h, replaceChildren, uid } from '../dom';
import { RELATION_LABELS, formatDay, label, todayIso } from '../labels';
import type { Application, Art7Reason, FormOfHelp } from '../model';
import { navigate, type PageContext } from '../router';
import {
  button, checkbox, checkedValues, clearFormErrors, formValues, inputField, selectField, setFlash,
  showFormErrors, textareaField, toApiError, type FieldError,
} from '../ui';
import { applicationHref, householdAddress, householdBackLink, householdStreet, loadHousehold } from './case-common';

function radio(name: string, value: string, text: string, checked: boolean, hint?: string): HTMLElement {
  const id = uid(`r-${name}`);
  const hintId = hint ? `${id}-hint` : undefined;
  return h('div', { class: 'checkbox' },
    h('input', { type: 'radio', id, name, value, checked, 'aria-describedby': hintId }),
    h('label', { for: id }, text),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** A fieldset of checkboxes whose options can be replaced (the reasons change with the date). */
function checkboxFieldset(legend: string, name: string, hint: HTMLElement, wide = false): { el: HTMLElement; list: HTMLElement } {
  const list = h('div', { class: `checkbox-list${wide ? ' checkbox-list--wide' : ''}` });
  const el = h('fieldset', { class: 'fieldset field', 'data-field': name, 'aria-describedby': hint.id },
    h('legend', { class: 'legend' }, legend),
    hint,
    h('p', { class: 'field-error', id: uid(`e-${name}`), hidden: true }),
    list);
  return { el, list };
}

export async function renderApplicationNew(ctx: PageContext): Promise<void> {
  const hh = await loadHousehold(ctx, ctx.params.id);
  if (!hh || !ctx.isCurrent()) return;
  const today = todayIso();
  const [forms, initialReasons] = await Promise.all([
    api.get<{ forms: FormOfHelp[] }>('/rules/forms-of-help').then((r) => r.forms),
    api.get<{ reasons: Art7Reason[] }>(`/rules/reasons?date=${today}`).then((r) => r.reasons),
  ]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`Nowy wniosek: ${householdStreet(hh.address)}`);

  const members = [...hh.members].sort((a, b) => (a.relation === 'head' ? -1 : b.relation === 'head' ? 1 : 0));
  const head = members.find((m) => m.relation === 'head') ?? members[0];

  // Forms of help: one checkbox each, the article in the label.
  const formsHint = h('p', { class: 'hint', id: uid('h-forms') }, 'Zaznacz wszystkie formy, o które wnioskuje strona. Pomoc ciągła (np. zasiłek okresowy) wymaga aktualizacji wywiadu co 6 miesięcy.');
  const formsGroup = checkboxFieldset('Formy pomocy', 'forms', formsHint);
  append(formsGroup.list, forms.map((f) => checkbox(`${f.name} (${f.article})`, 'forms', false, f.code)));

  // Reasons: the wording of art. 7 on the date of receipt.
  const reasonsHint = h('p', { class: 'hint', id: uid('h-reasons'), 'aria-live': 'polite' });
  const reasonsGroup = checkboxFieldset('Powody udzielenia pomocy (art. 7 ustawy o pomocy społecznej)', 'reasons', reasonsHint, true);
  const drawReasons = (date: string, reasons: Art7Reason[]) => {
    const checked = new Set(Array.from(reasonsGroup.list.querySelectorAll<HTMLInputElement>('input:checked')).map((i) => i.value));
    replaceChildren(reasonsGroup.list, reasons.map((r) => checkbox(`pkt ${r.point} — ${r.wording}`, 'reasons', checked.has(r.code), r.code)));
    reasonsHint.textContent = `Brzmienie przepisu z dnia ${formatDay(date)} (data wpływu wniosku).`;
  };
  drawReasons(today, initialReasons);

  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Nowy wniosek' },
    h('h2', null, 'Wnioskodawca i data wpływu'),
    selectField({
      label: 'Wnioskodawca', name: 'applicant_id', required: true, value: head ? String(head.person.id) : undefined, width: 'full',
      options: members.map((m) => [String(m.person.id), `${m.person.last_name} ${m.person.first_name} (${label(RELATION_LABELS, m.relation).toLowerCase()})`]),
      hint: 'Osoba z tego gospodarstwa domowego, która składa wniosek.',
    }),
    h('fieldset', { class: 'fieldset field', 'data-field': 'mode' },
      h('legend', { class: 'legend' }, 'Tryb'),
      h('p', { class: 'field-error', id: uid('e-mode'), hidden: true }),
      radio('mode', 'application', 'Na wniosek strony', true),
      radio('mode', 'ex_officio', 'Z urzędu', false, 'Postępowanie wszczęte przez ośrodek; jako datę wpływu podaj datę wszczęcia.')),
    inputField({
      label: 'Data wpływu wniosku', name: 'received_on', type: 'date', required: true, value: today, width: 'short',
      hint: 'Od tej daty liczą się terminy wywiadu i decyzji; nie może być późniejsza niż dzisiaj.',
    }),
    h('div', { class: 'field' },
      checkbox('Sprawa pilna', 'urgent', false, 'on', 'Wywiad środowiskowy w ciągu 2 dni roboczych (zamiast 14).'),
      checkbox('Sprawa szczególnie skomplikowana', 'complex', false, 'on', 'Decyzja w ciągu 2 miesięcy (zamiast miesiąca, art. 35 KPA).')),
    h('h2', null, 'Formy pomocy i powody'),
    formsGroup.el,
    reasonsGroup.el,
    h('h2', null, 'Opis sytuacji'),
    textareaField({ label: 'Opis', name: 'description', rows: 5, hint: 'Krótko: czego dotyczy wniosek. Najwyżej 4000 znaków.' }),
    h('div', { class: 'button-group' },
      button('Zarejestruj wniosek', { type: 'submit' }),
      h('a', { href: `/srodowiska/${encodeURIComponent(String(hh.id))}` }, 'Anuluj')));
  form.querySelector('input[name=received_on]')!.setAttribute('max', today);
  form.querySelector('textarea[name=description]')!.classList.add('textarea--prose');

  // Reload the reasons when the date of receipt changes (debounced; late answers are dropped).
  const dateInput = form.querySelector<HTMLInputElement>('input[name=received_on]')!;
  let timer = 0;
  let seq = 0;
  let shownDate = today;
  const reloadReasons = () => {
    const date = dateInput.value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date === shownDate) return;
    const mine = ++seq;
    reasonsHint.textContent = `Wczytuję brzmienie przepisu z dnia ${formatDay(date)}…`;
    api.get<{ reasons: Art7Reason[] }>(`/rules/reasons?date=${date}`).then((r) => {
      if (mine !== seq || !ctx.isCurrent()) return;
      shownDate = date;
      drawReasons(date, r.reasons);
    }).catch((err) => {
      if (mine !== seq || !ctx.isCurrent()) return;
      shownDate = '';
      replaceChildren(reasonsGroup.list);
      reasonsHint.textContent = toApiError(err).message;
    });
  };
  dateInput.addEventListener('change', () => { window.clearTimeout(timer); timer = window.setTimeout(reloadReasons, 300); });
  dateInput.addEventListener('input', () => { window.clearTimeout(timer); timer = window.setTimeout(reloadReasons, 600); });

  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const body = {
      household_id: Number(hh.id), applicant_id: Number(v.applicant_id), mode: v.mode || 'application', received_on: v.received_on,
      urgent: checkedValues(form, 'urgent').length > 0, complex: checkedValues(form, 'complex').length > 0,
      forms: checkedValues(form, 'forms'), reasons: checkedValues(form, 'reasons'), description: v.description ?? '',
    };
    const errors: FieldError[] = [];
    if (!v.applicant_id) errors.push({ field: 'applicant_id', message: 'Wybierz wnioskodawcę.' });
    if (!v.received_on) errors.push({ field: 'received_on', message: 'Podaj datę wpływu wniosku.' });
    if (!body.forms.length) errors.push({ field: 'forms', message: 'Zaznacz co najmniej jedną formę pomocy.' });
    if (!body.reasons.length) errors.push({ field: 'reasons', message: 'Zaznacz co najmniej jeden powód udzielenia pomocy.' });
    if (errors.length) return showFormErrors(form, errors);
    submitButton.disabled = true;
    try {
      const a = await api.post<Application>('/applications', body);
      clearFormErrors(form);
      const message = `Zarejestrowano wniosek ${a.number}. Termin wywiadu środowiskowego: ${formatDay(a.interview_due)}. Termin wydania decyzji: ${formatDay(a.decision_due)}.`;
      setFlash(applicationHref(a.id), message);
      navigate(applicationHref(a.id));
    } catch (err) {
      const e = toApiError(err);
      // The API names its fields (received_on, forms, reasons, applicant_id, mode, description); others go to the summary.
      const known = ['received_on', 'forms', 'reasons', 'applicant_id', 'mode', 'description'];
      showFormErrors(form, [{ field: known.includes(e.field) ? e.field : undefined, message: e.message }]);
    } finally {
      submitButton.disabled = false;
    }
  });

  append(ctx.content,
    householdBackLink(hh),
    h('p', { class: 'lead' }, `Rejestracja wniosku o pomoc dla środowiska: ${householdAddress(hh.address)}.`),
    form);
}

// Praca socjalna (cases.write): one dated record of social work with the household — a social-work entry, a social
// contract (person, goals and obligations of both sides, period, review date), community-service work (person,
// hours in the month), an activation result (person, internship / job / training / CIS / other) or a referral to a
// partner institution (POST /households/{id}/social-work). The fields shown follow the kind; the server checks
// everything again and its Polish message is shown at the field.
import { api } from '../api';
import { append, h } from '../dom';
import { ACTIVATION_LABELS, formatDay, label, SOCIAL_WORK_KIND_LABELS, todayIso } from '../labels';
import type { Household, SocialWorkRecord } from '../model';
import { navigate, type PageContext } from '../router';
import {
  button, formValues, inputField, radioGroup, selectField, setFlash, showFormErrors, textareaField, toApiError, type FieldError,
} from '../ui';
import { householdBackLink, householdHref, householdStreet, loadHousehold } from './case-common';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = ['kind', 'person_id', 'on_date', 'until_date', 'review_on', 'hours', 'subtype', 'description', 'outcome'];
/** Which optional fields each kind uses (the person is required for all but an entry and a referral). */
const USES: Record<string, { person: boolean; until: boolean; review: boolean; hours: boolean; activation: boolean; institution: boolean }> = {
  entry: { person: false, until: false, review: false, hours: false, activation: false, institution: false },
  contract: { person: true, until: true, review: true, hours: false, activation: false, institution: false },
  community_work: { person: true, until: true, review: false, hours: true, activation: false, institution: false },
  activation: { person: true, until: false, review: false, hours: false, activation: true, institution: false },
  referral: { person: false, until: false, review: false, hours: false, activation: false, institution: true },
};

export async function renderNewSocialWork(ctx: PageContext): Promise<void> {
  const hh = await loadHousehold(ctx, ctx.params.id);
  if (!hh || !ctx.isCurrent()) return;
  ctx.setTitle(`Praca socjalna: ${householdStreet(hh.address)}`);
  append(ctx.content,
    householdBackLink(hh),
    h('p', { class: 'lead' }, 'Zapisz pracę socjalną, kontrakt socjalny, prace społecznie użyteczne, wynik aktywizacji albo skierowanie do instytucji.'),
    socialWorkForm(hh));
}

function socialWorkForm(hh: Household): HTMLFormElement {
  const members = [...hh.members].sort((a, b) => (a.relation === 'head' ? -1 : b.relation === 'head' ? 1 : 0));
  const person = selectField({ label: 'Osoba', name: 'person_id', width: 'full', emptyLabel: 'Wybierz osobę',
    options: members.map((m) => [String(m.person.id), `${m.person.last_name} ${m.person.first_name}`]) });
  const until = inputField({ label: 'Do', name: 'until_date', type: 'date', width: 'short' });
  const review = inputField({ label: 'Termin oceny realizacji', name: 'review_on', type: 'date', width: 'short',
    hint: 'Pojawi się w „Moich zadaniach”, gdy się zbliży.' });
  const hours = inputField({ label: 'Godziny w miesiącu', name: 'hours', width: 'short', inputmode: 'numeric', autocomplete: 'off' });
  const activation = selectField({ label: 'Forma aktywizacji', name: 'activation', width: 'full', emptyLabel: 'Wybierz formę',
    options: Object.entries(ACTIVATION_LABELS) });
  const institution = inputField({ label: 'Instytucja', name: 'institution', width: 'full',
    hint: 'Np. Powiatowy Urząd Pracy, poradnia leczenia uzależnień, ośrodek interwencji kryzysowej.' });
  const description = textareaField({ label: 'Opis', name: 'description', rows: 5 });
  const describe = description.querySelector('label')!;
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Zapisz pracę socjalną' },
    radioGroup('Rodzaj', 'kind', Object.entries(SOCIAL_WORK_KIND_LABELS).map(([k, v]) => [k, v] as [string, string]), 'entry'),
    person,
    h('div', { class: 'field-row' },
      inputField({ label: 'Data', name: 'on_date', type: 'date', required: true, value: todayIso(), width: 'short' }),
      until, review),
    hours, activation, institution, description,
    button('Zapisz', { type: 'submit' }));

  /** Marks a field as required for the chosen kind: its „(opcjonalnie)” goes away. */
  const required = (field: HTMLElement, yes: boolean) => {
    const marker = field.querySelector<HTMLElement>('.optional');
    if (marker) marker.hidden = yes;
  };
  const kindOf = () => form.querySelector<HTMLInputElement>('input[name=kind]:checked')?.value ?? 'entry';
  const sync = () => {
    const kind = kindOf();
    const u = USES[kind]!;
    until.hidden = !u.until;
    review.hidden = !u.review;
    hours.hidden = !u.hours;
    activation.hidden = !u.activation;
    institution.hidden = !u.institution;
    describe.firstChild!.textContent = kind === 'contract' ? 'Cele kontraktu i zobowiązania obu stron' : 'Opis';
    required(person, u.person);
    required(until, kind === 'contract');
    required(review, u.review);
    required(hours, u.hours);
    required(activation, u.activation);
    required(institution, u.institution);
    required(description, kind === 'entry' || kind === 'contract');
  };
  form.querySelectorAll<HTMLInputElement>('input[name=kind]').forEach((r) => r.addEventListener('change', sync));
  sync();

  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const kind = kindOf();
    const u = USES[kind]!;
    const errors: FieldError[] = [];
    if (!DAY.test(v.on_date ?? '')) errors.push({ field: 'on_date', message: 'Podaj datę.' });
    if (u.person && !v.person_id) errors.push({ field: 'person_id', message: 'Wskaż osobę.' });
    if (u.activation && !v.activation) errors.push({ field: 'activation', message: 'Wybierz formę aktywizacji.' });
    if (u.institution && !v.institution?.trim()) errors.push({ field: 'institution', message: 'Podaj instytucję, do której skierowano.' });
    const h_ = u.hours ? (/^\d{1,3}$/.test(v.hours ?? '') ? Number(v.hours) : null) : 0;
    if (h_ === null) errors.push({ field: 'hours', message: 'Wpisz liczbę godzin, np. 30.' });
    if (errors.length) return showFormErrors(form, errors);
    submitButton.disabled = true;
    try {
      const saved = await api.post<SocialWorkRecord>(`/households/${encodeURIComponent(String(hh.id))}/social-work`, {
        kind, on_date: v.on_date,
        person_id: v.person_id ? Number(v.person_id) : undefined,
        until_date: u.until && v.until_date ? v.until_date : undefined,
        review_on: u.review && v.review_on ? v.review_on : undefined,
        hours: u.hours ? h_ : undefined,
        subtype: u.activation ? v.activation : u.institution ? v.institution!.trim() : '',
        description: v.description ?? '',
      });
      setFlash(householdHref(hh.id), `Zapisano: ${label(SOCIAL_WORK_KIND_LABELS, saved.kind).toLowerCase()}, ${formatDay(saved.on_date)}.`);
      navigate(householdHref(hh.id));
    } catch (err) {
      const ae = toApiError(err);
      const field = ae.field === 'subtype' ? (u.activation ? 'activation' : u.institution ? 'institution' : undefined)
        : FIELDS.includes(ae.field) ? ae.field : undefined;
      showFormErrors(form, [{ field, message: ae.message }]);
    } finally {
      submitButton.disabled = false;
    }
  });
  return form;
}

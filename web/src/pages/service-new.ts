// Zapisz pomoc niepieniężną (cases.write): one record of non-cash help or a service given to the household —
// meals, in-kind help, shelter, care services, a sheltered flat, a care home, a funeral, crisis intervention,
// specialised counselling (POST /households/{id}/services). The subtype list and the unit of the quantity follow
// the kind; the server checks everything again and its Polish message is shown at the field.
import { api } from '../api';
import { append, h } from '../dom';
import {
  formatDay, formatMoney, label, parseMoney, SERVICE_KIND_LABELS, SERVICE_KIND_RULES, SERVICE_SUBTYPE_LABELS, todayIso,
} from '../labels';
import type { Decision, Household, Items, ServiceRecord } from '../model';
import { navigate, type PageContext } from '../router';
import {
  button, formValues, inputField, selectField, setFlash, showFormErrors, textareaField, toApiError, type FieldError,
} from '../ui';
import { householdBackLink, householdHref, householdStreet, loadHousehold } from './case-common';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = ['kind', 'subtype', 'person_id', 'decision_id', 'place', 'date_from', 'date_to', 'quantity', 'fee_grosze', 'note'];

export async function renderNewService(ctx: PageContext): Promise<void> {
  const hh = await loadHousehold(ctx, ctx.params.id);
  if (!hh || !ctx.isCurrent()) return;
  const decisions = (await api.get<Items<Decision>>(`/households/${encodeURIComponent(String(hh.id))}/decisions`)).items;
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`Pomoc niepieniężna: ${householdStreet(hh.address)}`);
  append(ctx.content,
    householdBackLink(hh),
    h('p', { class: 'lead' }, 'Zapisz pomoc już udzieloną lub trwającą. Z tych zapisów liczone są sprawozdania (liczba rodzin, osób i świadczeń).'),
    serviceForm(hh, decisions));
}

function serviceForm(hh: Household, decisions: Decision[]): HTMLFormElement {
  const today = todayIso();
  const members = [...hh.members].sort((a, b) => (a.relation === 'head' ? -1 : b.relation === 'head' ? 1 : 0));
  const subtype = selectField({ label: 'Podrodzaj', name: 'subtype', required: true, width: 'full', emptyLabel: 'Wybierz podrodzaj', options: [] });
  const quantity = inputField({ label: 'Ilość', name: 'quantity', width: 'short', inputmode: 'numeric', value: '1', autocomplete: 'off' });
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Zapisz pomoc niepieniężną' },
    selectField({
      label: 'Rodzaj pomocy', name: 'kind', required: true, width: 'full', emptyLabel: 'Wybierz rodzaj',
      options: Object.keys(SERVICE_KIND_RULES).map((k) => [k, label(SERVICE_KIND_LABELS, k)]),
    }),
    subtype,
    selectField({
      label: 'Osoba', name: 'person_id', width: 'full', emptyLabel: 'Całe gospodarstwo (bez wskazania osoby)',
      hint: 'Posiłki, usługi opiekuńcze, mieszkanie chronione, dom pomocy społecznej, pogrzeb i poradnictwo dotyczą wskazanej osoby.',
      options: members.map((m) => [String(m.person.id), `${m.person.last_name} ${m.person.first_name}`]),
    }),
    h('div', { class: 'field-row' },
      inputField({ label: 'Od', name: 'date_from', type: 'date', required: true, value: today, width: 'short' }),
      inputField({ label: 'Do', name: 'date_to', type: 'date', required: true, value: today, width: 'short' })),
    h('div', { class: 'field-row' },
      quantity,
      inputField({ label: 'Odpłatność (zł)', name: 'fee_grosze', width: 'short', inputmode: 'decimal', autocomplete: 'off',
        hint: 'Np. udział w opłacie za dom pomocy społecznej.' })),
    inputField({ label: 'Miejsce', name: 'place', width: 'full', hint: 'Szkoła, schronisko, numer mieszkania chronionego, placówka…' }),
    selectField({
      label: 'Decyzja', name: 'decision_id', width: 'full', emptyLabel: 'Bez decyzji',
      options: decisions.filter((d) => d.number).map((d) => [String(d.id), `${d.number} — ${d.form_name}`]),
    }),
    textareaField({ label: 'Uwagi', name: 'note', rows: 3 }),
    button('Zapisz pomoc', { type: 'submit' }));

  const kindSelect = form.querySelector<HTMLSelectElement>('select[name=kind]')!;
  const subtypeSelect = subtype.querySelector<HTMLSelectElement>('select')!;
  const quantityLabel = quantity.querySelector('label')!;
  const sync = () => {
    const rules = SERVICE_KIND_RULES[kindSelect.value];
    subtype.hidden = !rules || rules.subtypes.length === 0;
    subtypeSelect.replaceChildren(h('option', { value: '' }, 'Wybierz podrodzaj'),
      ...(rules?.subtypes ?? []).map((st) => h('option', { value: st }, label(SERVICE_SUBTYPE_LABELS, st))));
    quantityLabel.firstChild!.textContent = rules ? `Ilość (${rules.unit})` : 'Ilość';
  };
  kindSelect.addEventListener('change', sync);
  sync();

  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const rules = SERVICE_KIND_RULES[v.kind ?? ''];
    const errors: FieldError[] = [];
    if (!rules) errors.push({ field: 'kind', message: 'Wybierz rodzaj pomocy.' });
    if (rules && rules.subtypes.length && !v.subtype) errors.push({ field: 'subtype', message: 'Wybierz podrodzaj.' });
    if (rules?.person && !v.person_id) errors.push({ field: 'person_id', message: 'Wskaż osobę, której udzielono pomocy.' });
    if (!DAY.test(v.date_from ?? '')) errors.push({ field: 'date_from', message: 'Podaj początek okresu.' });
    if (!DAY.test(v.date_to ?? '')) errors.push({ field: 'date_to', message: 'Podaj koniec okresu.' });
    const qty = /^\d{1,6}$/.test(v.quantity ?? '') ? Number(v.quantity) : null;
    if (qty === null) errors.push({ field: 'quantity', message: 'Wpisz ilość liczbą całkowitą, np. 20.' });
    const fee = v.fee_grosze ? parseMoney(v.fee_grosze) : 0;
    if (fee === null) errors.push({ field: 'fee_grosze', message: 'Wpisz kwotę w złotych, np. 350,00.' });
    if (errors.length) return showFormErrors(form, errors);
    submitButton.disabled = true;
    try {
      const saved = await api.post<ServiceRecord>(`/households/${encodeURIComponent(String(hh.id))}/services`, {
        kind: v.kind, subtype: rules!.subtypes.length ? v.subtype : '',
        person_id: v.person_id ? Number(v.person_id) : undefined, decision_id: v.decision_id ? Number(v.decision_id) : undefined,
        place: v.place ?? '', date_from: v.date_from, date_to: v.date_to, quantity: qty, fee_grosze: fee ?? 0, note: v.note ?? '',
      });
      const what = label(SERVICE_KIND_LABELS, saved.kind) + (saved.subtype ? ` — ${label(SERVICE_SUBTYPE_LABELS, saved.subtype)}` : '');
      const when = saved.date_from === saved.date_to ? formatDay(saved.date_from) : `${formatDay(saved.date_from)} – ${formatDay(saved.date_to)}`;
      setFlash(householdHref(hh.id), `Zapisano pomoc: ${what}, ${when}, ${saved.quantity} ${rules!.unit}` +
        (saved.fee_grosze ? `, odpłatność ${formatMoney(saved.fee_grosze)}` : '') + '.');
      navigate(householdHref(hh.id));
    } catch (err) {
      const ae = toApiError(err);
      showFormErrors(form, [{ field: FIELDS.includes(ae.field) ? ae.field : undefined, message: ae.message }]);
    } finally {
      submitButton.disabled = false;
    }
  });
  return form;
}

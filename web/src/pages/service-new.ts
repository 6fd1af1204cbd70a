// Zapisz pomoc niepieniężną (cases.write): one record of non-cash help or a service given to the household —
// meals, in-kind help, shelter, care services, a sheltered flat, a care home, a funeral, crisis intervention,
// specialised counselling (POST /households/{id}/services). The subtype list and the unit of the quantity follow
// the kind; the server checks everything again and its Polish message is shown at the field. A quantity is dated:
// given here for a period within one month (counted on its last day); longer help is saved with quantity 0 and
// what it delivers is added on its day from the household card. Stays (a sheltered flat of the register, a care home
// with the shares of its fee) take no quantity: they are counted in the days of their period.
import { api } from '../api';
import { append, h } from '../dom';
import {
  formatDay, formatMoney, label, parseMoney, SERVICE_KIND_LABELS, SERVICE_KIND_RULES, SERVICE_SUBTYPE_LABELS, todayIso,
} from '../labels';
import type { Decision, Household, Items, ServiceRecord, ShelteredFlat } from '../model';
import { navigate, type PageContext } from '../router';
import {
  button, formValues, inputField, selectField, setFlash, showFormErrors, textareaField, toApiError, type FieldError,
} from '../ui';
import { householdBackLink, householdHref, householdStreet, loadHousehold } from './case-common';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = ['kind', 'subtype', 'person_id', 'decision_id', 'place', 'date_from', 'date_to', 'quantity', 'fee_grosze', 'note',
  'deliveries', 'flat_id', 'cost_grosze', 'resident_fee_grosze', 'family_fee_grosze', 'resident_income_grosze'];
const MONEY_FIELDS = ['cost_grosze', 'resident_fee_grosze', 'family_fee_grosze', 'resident_income_grosze'];

export async function renderNewService(ctx: PageContext): Promise<void> {
  const hh = await loadHousehold(ctx, ctx.params.id);
  if (!hh || !ctx.isCurrent()) return;
  const [decisions, flats] = await Promise.all([
    api.get<Items<Decision>>(`/households/${encodeURIComponent(String(hh.id))}/decisions`).then((r) => r.items),
    api.get<Items<ShelteredFlat>>('/sheltered-flats').then((r) => r.items).catch(() => [] as ShelteredFlat[]),
  ]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`Pomoc niepieniężna: ${householdStreet(hh.address)}`);
  append(ctx.content,
    householdBackLink(hh),
    h('p', { class: 'lead' }, 'Zapisz pomoc już udzieloną lub trwającą. Z tych zapisów liczone są sprawozdania (liczba rodzin, osób i świadczeń).'),
    serviceForm(hh, decisions, flats));
}

function serviceForm(hh: Household, decisions: Decision[], flats: ShelteredFlat[]): HTMLFormElement {
  const today = todayIso();
  const members = [...hh.members].sort((a, b) => (a.relation === 'head' ? -1 : b.relation === 'head' ? 1 : 0));
  const subtype = selectField({ label: 'Podrodzaj', name: 'subtype', required: true, width: 'full', emptyLabel: 'Wybierz podrodzaj', options: [] });
  const quantity = inputField({ label: 'Ilość', name: 'quantity', width: 'short', inputmode: 'numeric', value: '1', autocomplete: 'off',
    hint: 'Ilość za okres w jednym miesiącu. Pomoc na dłużej zapisz z ilością 0, a kolejne porady lub posiłki za miesiąc dopisuj w karcie środowiska.' });
  const fee = inputField({ label: 'Odpłatność (zł)', name: 'fee_grosze', width: 'short', inputmode: 'decimal', autocomplete: 'off',
    hint: 'Np. odpłatność za usługi opiekuńcze.' });
  const place = inputField({ label: 'Miejsce', name: 'place', width: 'full', hint: 'Szkoła, schronisko, placówka…' });
  const flat = selectField({
    label: 'Mieszkanie chronione', name: 'flat_id', required: true, width: 'full', emptyLabel: flats.length ? 'Wybierz mieszkanie' : 'Brak mieszkań w rejestrze',
    hint: 'Z rejestru mieszkań ośrodka (Organizacja) — liczba miejsc ogranicza liczbę mieszkańców w tym samym czasie.',
    options: flats.filter((f) => !f.closed_on || f.closed_on >= today).map((f) => [String(f.id), `${f.name} (miejsc: ${f.places})${f.address ? `, ${f.address}` : ''}`]),
  });
  const money = (label: string, name: string, required: boolean, hint?: string) =>
    inputField({ label, name, width: 'short', inputmode: 'decimal', autocomplete: 'off', required, hint });
  const gminaShare = h('p', { class: 'hint', 'aria-live': 'polite' });
  const careHome = h('fieldset', { class: 'fieldset' },
    h('legend', { class: 'legend' }, 'Opłata za pobyt w domu pomocy społecznej (miesięcznie, art. 61 ust. 2)'),
    money('Średni miesięczny koszt utrzymania (zł)', 'cost_grosze', true),
    h('div', { class: 'field-row' },
      money('Opłata mieszkańca (zł)', 'resident_fee_grosze', false, 'Najwyżej 70% jego dochodu.'),
      money('Opłata rodziny (zł)', 'family_fee_grosze', false, 'Małżonek, zstępni, wstępni — wg umowy.')),
    money('Dochód mieszkańca (zł)', 'resident_income_grosze', false, 'Podany — sprawdzimy limit 70%.'),
    gminaShare);
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
    h('div', { class: 'field-row' }, quantity, fee),
    flat, careHome, place,
    selectField({
      label: 'Decyzja', name: 'decision_id', width: 'full', emptyLabel: 'Bez decyzji',
      options: decisions.filter((d) => d.number).map((d) => [String(d.id), `${d.number} — ${d.form_name}`]),
    }),
    textareaField({ label: 'Uwagi', name: 'note', rows: 3 }),
    button('Zapisz pomoc', { type: 'submit' }));

  const kindSelect = form.querySelector<HTMLSelectElement>('select[name=kind]')!;
  const subtypeSelect = subtype.querySelector<HTMLSelectElement>('select')!;
  const quantityLabel = quantity.querySelector('label')!;
  const showShare = () => {
    const v = formValues(form);
    const [cost, resident, family] = ['cost_grosze', 'resident_fee_grosze', 'family_fee_grosze'].map((k) => (v[k] ? parseMoney(v[k]) : 0));
    gminaShare.textContent = cost && resident !== null && family !== null && cost - resident - family >= 0
      ? `Gmina dopłaca: ${formatMoney(cost - resident - family)} miesięcznie.` : '';
  };
  careHome.addEventListener('input', showShare);
  const sync = () => {
    const rules = SERVICE_KIND_RULES[kindSelect.value];
    subtype.hidden = !rules || rules.subtypes.length === 0;
    quantity.hidden = !!rules?.stay;
    flat.hidden = kindSelect.value !== 'mieszkanie_chronione';
    careHome.hidden = kindSelect.value !== 'dps';
    place.hidden = kindSelect.value === 'mieszkanie_chronione';
    fee.hidden = kindSelect.value === 'dps';
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
    const stay = !!rules?.stay;
    const qty = /^\d{1,6}$/.test(v.quantity ?? '') ? Number(v.quantity) : null;
    if (!stay && qty === null) errors.push({ field: 'quantity', message: 'Wpisz ilość liczbą całkowitą, np. 20.' });
    const feeValue = v.fee_grosze && v.kind !== 'dps' ? parseMoney(v.fee_grosze) : 0;
    if (feeValue === null) errors.push({ field: 'fee_grosze', message: 'Wpisz kwotę w złotych, np. 350,00.' });
    if (v.kind === 'mieszkanie_chronione' && !v.flat_id) errors.push({ field: 'flat_id', message: 'Wybierz mieszkanie chronione z rejestru.' });
    const shares: Record<string, number | undefined> = {};
    if (v.kind === 'dps') {
      for (const k of MONEY_FIELDS) {
        if (!v[k]) continue;
        const g = parseMoney(v[k]);
        if (g === null) errors.push({ field: k, message: 'Wpisz kwotę w złotych, np. 3 100,00.' });
        else shares[k] = g;
      }
      if (!v.cost_grosze) errors.push({ field: 'cost_grosze', message: 'Podaj średni miesięczny koszt utrzymania.' });
    }
    if (errors.length) return showFormErrors(form, errors);
    submitButton.disabled = true;
    try {
      const saved = await api.post<ServiceRecord>(`/households/${encodeURIComponent(String(hh.id))}/services`, {
        kind: v.kind, subtype: rules!.subtypes.length ? v.subtype : '',
        person_id: v.person_id ? Number(v.person_id) : undefined, decision_id: v.decision_id ? Number(v.decision_id) : undefined,
        place: v.kind === 'mieszkanie_chronione' ? '' : v.place ?? '', date_from: v.date_from, date_to: v.date_to,
        quantity: stay ? undefined : qty, fee_grosze: feeValue ?? 0, note: v.note ?? '',
        flat_id: v.kind === 'mieszkanie_chronione' ? Number(v.flat_id) : undefined, ...shares,
      });
      const what = label(SERVICE_KIND_LABELS, saved.kind) + (saved.subtype ? ` — ${label(SERVICE_SUBTYPE_LABELS, saved.subtype)}` : '');
      const when = saved.date_from === saved.date_to ? formatDay(saved.date_from) : `${formatDay(saved.date_from)} – ${formatDay(saved.date_to)}`;
      setFlash(householdHref(hh.id), `Zapisano pomoc: ${what}${saved.place && stay ? ` (${saved.place})` : ''}, ${when}, ${saved.quantity} ${rules!.unit}` +
        (saved.fee_grosze ? `, odpłatność ${formatMoney(saved.fee_grosze)}` : '') +
        (saved.care_home_fee ? `, gmina dopłaca ${formatMoney(saved.care_home_fee.gmina_grosze)} miesięcznie` : '') + '.');
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

// Dopisz ilość (cases.write): what a running record of non-cash help delivered on one day — a consultation, a month's
// meals or care hours (POST /services/{id}/deliveries). The day must lie in the record's period and not in the future;
// the server checks it again and its message is shown at the field. The record comes from GET /households/{id}/services.
import { api, ApiError } from '../api';
import { append, h } from '../dom';
import { SERVICE_KIND_LABELS, SERVICE_KIND_RULES, SERVICE_SUBTYPE_LABELS, formatDay, label, todayIso } from '../labels';
import type { Household, Items, ServiceRecord } from '../model';
import { navigate, type PageContext } from '../router';
import { button, formValues, inputField, section, setFlash, showFormErrors, summaryList, toApiError, type FieldError } from '../ui';
import { householdBackLink, householdHref, householdStreet, loadHousehold } from './case-common';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function renderServiceDelivery(ctx: PageContext): Promise<void> {
  const hh = await loadHousehold(ctx, ctx.params.id);
  if (!hh || !ctx.isCurrent()) return;
  const items = (await api.get<Items<ServiceRecord>>(`/households/${encodeURIComponent(String(hh.id))}/services`)).items;
  if (!ctx.isCurrent()) return;
  const sv = items.find((s) => String(s.id) === ctx.params.serviceId);
  if (!sv || SERVICE_KIND_RULES[sv.kind]?.stay) throw new ApiError(404, 'not_found', 'Nie znaleziono zapisu pomocy, do którego można dopisać ilość.');
  ctx.setTitle(`Dopisz ilość: ${householdStreet(hh.address)}`);
  const person = hh.members.find((m) => String(m.person.id) === String(sv.person_id));
  const unit = SERVICE_KIND_RULES[sv.kind]?.unit ?? '';
  append(ctx.content,
    householdBackLink(hh),
    section('Pomoc',
      summaryList([
        ['Rodzaj', label(SERVICE_KIND_LABELS, sv.kind) + (sv.subtype ? ` — ${label(SERVICE_SUBTYPE_LABELS, sv.subtype)}` : '')],
        ['Osoba', person ? `${person.person.first_name} ${person.person.last_name}` : '—'],
        ['Okres', `${formatDay(sv.date_from)} – ${formatDay(sv.date_to)}`],
        ['Dotąd', sv.deliveries.length
          ? sv.deliveries.map((d) => `${formatDay(d.on_date)}: ${d.quantity}`).join('; ') + ` (razem ${sv.quantity} ${unit})`
          : 'nic nie zapisano'],
      ])),
    section('Dopisz', deliveryForm(hh, sv, unit)));
}

function deliveryForm(hh: Household, sv: ServiceRecord, unit: string): HTMLFormElement {
  const today = todayIso();
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Dopisz ilość' },
    h('div', { class: 'field-row' },
      inputField({ label: 'Dzień', name: 'on_date', type: 'date', required: true, width: 'short',
        value: sv.date_to < today ? sv.date_to : today, hint: 'Dzień porady; dla posiłków i godzin za miesiąc — dzień rozliczenia.' }),
      inputField({ label: `Ilość (${unit})`, name: 'quantity', required: true, width: 'short', inputmode: 'numeric', autocomplete: 'off' })),
    button('Dopisz', { type: 'submit' }));
  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const errors: FieldError[] = [];
    if (!DAY.test(v.on_date ?? '')) errors.push({ field: 'on_date', message: 'Podaj dzień.' });
    if (!/^\d{1,6}$/.test(v.quantity ?? '') || Number(v.quantity) < 1) errors.push({ field: 'quantity', message: 'Wpisz ilość liczbą całkowitą, co najmniej 1.' });
    if (errors.length) return showFormErrors(form, errors);
    submitButton.disabled = true;
    try {
      const saved = await api.post<ServiceRecord>(`/services/${encodeURIComponent(String(sv.id))}/deliveries`,
        { on_date: v.on_date, quantity: Number(v.quantity) });
      setFlash(householdHref(hh.id), `Dopisano ${v.quantity} ${unit} w dniu ${formatDay(v.on_date)} — razem ${saved.quantity} ${unit}.`);
      navigate(householdHref(hh.id));
    } catch (err) {
      const ae = toApiError(err);
      showFormErrors(form, [{ field: ae.field === 'deliveries' ? 'on_date' : ae.field === 'quantity' ? 'quantity' : undefined, message: ae.message }]);
    } finally {
      submitButton.disabled = false;
    }
  });
  return form;
}

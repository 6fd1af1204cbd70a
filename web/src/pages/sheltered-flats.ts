// Mieszkania chronione — the centre's register (GET /sheltered-flats, org.read; POST and PATCH org.write): each flat
// with its places and the time it is run. Shown on the Organizacja page; residences (non-cash help) name a flat of it.
import { api } from '../api';
import { h, replaceChildren } from '../dom';
import { formatDay, todayIso } from '../labels';
import type { Items, ShelteredFlat } from '../model';
import { can } from '../session';
import {
  button, clearFormErrors, emptyState, formValues, inputField, notice, showApiError, showFormErrors, table, type FieldError,
} from '../ui';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function flatsRegister(): HTMLElement {
  const list = h('div');
  const status = h('div', { class: 'status-area' });
  const draw = async () => {
    const flats = (await api.get<Items<ShelteredFlat>>('/sheltered-flats')).items;
    replaceChildren(list, flats.length
      ? table(`Mieszkania chronione (${flats.length})`, ['Mieszkanie', 'Adres', 'Miejsca', 'Prowadzone'],
          flats.map((f) => [f.name, f.address || '—', String(f.places),
            f.closed_on ? `${formatDay(f.opened_on)} – ${formatDay(f.closed_on)}` : `od ${formatDay(f.opened_on)}`]),
          { captionHidden: true })
      : emptyState('Rejestr mieszkań chronionych jest pusty.'));
  };
  void draw();
  if (!can('org.write')) return h('div', null, list);

  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Dodaj mieszkanie chronione' },
    h('div', { class: 'field-row' },
      inputField({ label: 'Numer lub nazwa', name: 'name', required: true, width: 'short', autocomplete: 'off' }),
      inputField({ label: 'Liczba miejsc', name: 'places', required: true, width: 'short', inputmode: 'numeric', autocomplete: 'off' }),
      inputField({ label: 'Prowadzone od', name: 'opened_on', type: 'date', required: true, width: 'short', value: todayIso() })),
    inputField({ label: 'Adres', name: 'address', width: 'full' }),
    button('Dodaj mieszkanie', { type: 'submit', kind: 'secondary' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const errors: FieldError[] = [];
    if (!v.name) errors.push({ field: 'name', message: 'Podaj numer lub nazwę mieszkania.' });
    if (!/^\d{1,2}$/.test(v.places ?? '') || Number(v.places) < 1) errors.push({ field: 'places', message: 'Liczba miejsc: od 1 do 50.' });
    if (!DAY.test(v.opened_on ?? '')) errors.push({ field: 'opened_on', message: 'Podaj datę.' });
    if (errors.length) return showFormErrors(form, errors);
    try {
      await api.post<ShelteredFlat>('/sheltered-flats', { name: v.name, places: Number(v.places), opened_on: v.opened_on, address: v.address ?? '' });
      replaceChildren(status, notice('success', h('p', null, `Dodano mieszkanie chronione „${v.name}”.`)));
      form.reset();
      clearFormErrors(form);
      await draw();
    } catch (err) {
      showApiError(form, err);
    }
  });
  return h('div', null, status, list, form);
}

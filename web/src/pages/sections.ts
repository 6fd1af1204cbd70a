// Sekcje pracy socjalnej: list of sections (GET /sections) and, with org.write, a form to add one.
import { api } from '../api';
import { announce, append, h, replaceChildren } from '../dom';
import { formatAddress, plural } from '../labels';
import type { Items, Section, Unit } from '../model';
import { navigate, type PageContext } from '../router';
import { can } from '../session';
import { button, emptyState, formValues, inputField, section, selectField, showApiError, showFormErrors, table } from '../ui';
import { addressFieldset, addressFrom, sectionHref } from './org-common';

export async function renderSections(ctx: PageContext): Promise<void> {
  const [sections, units] = await Promise.all([api.get<Items<Section>>('/sections'), api.get<Items<Unit>>('/units')]);
  if (!ctx.isCurrent()) return;
  const unitName = new Map(units.items.map((u) => [String(u.id), u.name]));
  const list = [...sections.items].sort((a, b) => String(a.number).localeCompare(String(b.number), 'pl', { numeric: true }));

  const listing = list.length
    ? table(`Sekcje pracy socjalnej (${list.length})`, ['Nr', 'Nazwa', 'Jednostka', 'Adres siedziby', 'Ulice', 'Pracownicy'],
        list.map((s) => [
          String(s.number),
          h('a', { href: sectionHref(s.id) }, s.name),
          unitName.get(String(s.unit_id)) ?? '—',
          formatAddress(s.address) || '—',
          s.street_count === undefined ? '—' : plural(s.street_count, 'zakres', 'zakresy', 'zakresów'),
          (s.staff ?? []).map((p) => p.full_name).join(', ') || '—',
        ]))
    : emptyState('Nie utworzono jeszcze żadnej sekcji pracy socjalnej.');

  append(ctx.content, 
    h('p', { class: 'lead' }, 'Każda sekcja obsługuje mieszkańców przypisanych do niej ulic. Wybierz sekcję, aby zobaczyć i zmienić jej terytorium.'),
    listing,
    can('org.write') ? section('Dodaj sekcję', sectionForm(units.items)) : null,
  );
}

function sectionForm(units: Unit[]): HTMLFormElement {
  const form = h('form', { class: 'form', novalidate: true },
    selectField({ label: 'Jednostka', name: 'unit_id', required: true, emptyLabel: '— wybierz —', options: units.map((u) => [String(u.id), u.name]) }),
    h('div', { class: 'field-row' },
      inputField({ label: 'Numer sekcji', name: 'number', required: true, width: 'short' }),
      inputField({ label: 'Nazwa', name: 'name', required: true })),
    addressFieldset('Adres siedziby sekcji'),
    button('Dodaj sekcję', { type: 'submit' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const errors = [
      !v.unit_id && { field: 'unit_id', message: 'Wybierz jednostkę, do której należy sekcja.' },
      !v.number && { field: 'number', message: 'Wpisz numer sekcji.' },
      !v.name && { field: 'name', message: 'Wpisz nazwę sekcji.' },
    ].filter(Boolean) as { field: string; message: string }[];
    if (errors.length) return showFormErrors(form, errors);
    const unit = units.find((u) => String(u.id) === v.unit_id);
    const number = /^\d+$/.test(v.number) ? Number(v.number) : v.number;
    try {
      const created = await api.post<Section>('/sections', { unit_id: unit?.id ?? v.unit_id, number, name: v.name, address: addressFrom(v) });
      announce(`Dodano sekcję ${v.name}.`);
      if (created?.id !== undefined) navigate(sectionHref(created.id));
      else replaceChildren(form, h('p', null, 'Dodano sekcję.'));
    } catch (err) {
      showApiError(form, err);
    }
  });
  return form;
}

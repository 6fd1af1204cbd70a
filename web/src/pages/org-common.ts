// Helpers shared by the organisation pages (units, sections).
import { h } from '../dom';
import type { Address, Id } from '../model';
import { inputField } from '../ui';

/** A fieldset with the four address inputs, named "address.street" etc. */
export function addressFieldset(legend: string, value: Address = {}): HTMLElement {
  return h('fieldset', { class: 'fieldset' },
    h('legend', { class: 'legend legend--small' }, legend),
    h('div', { class: 'field-row' },
      inputField({ label: 'Ulica', name: 'address.street', value: value.street, autocomplete: 'off' }),
      inputField({ label: 'Numer budynku', name: 'address.building', value: value.building, width: 'short' })),
    h('div', { class: 'field-row' },
      inputField({ label: 'Kod pocztowy', name: 'address.postal_code', value: value.postal_code, width: 'short', hint: 'Format: 00-000' }),
      inputField({ label: 'Miejscowość', name: 'address.locality', value: value.locality })));
}

export function addressFrom(values: Record<string, string>): Address {
  return {
    street: values['address.street'] ?? '', building: values['address.building'] ?? '',
    postal_code: values['address.postal_code'] ?? '', locality: values['address.locality'] ?? '',
  };
}

export function sectionHref(id: Id): string {
  return `/sekcje/${encodeURIComponent(String(id))}`;
}

/** Numbers typed by people: "" → null (open end), otherwise an integer or NaN. */
export function parseHouseNumber(text: string): number | null {
  if (text.trim() === '') return null;
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

/** "Sekcja Pracy Socjalnej Nr 3" stays as is; a name without its number gets "nr 3 – " in front. */
export function sectionLabel(s: { number: string | number; name: string }): string {
  return new RegExp(`(^|\\D)${s.number}(\\D|$)`).test(s.name) ? s.name : `nr ${s.number} – ${s.name}`;
}

/** Page title of a section: its name when it already says "Sekcja … 3", otherwise "Sekcja nr 3 – name". */
export function sectionTitle(s: { number: string | number; name: string }): string {
  const label = sectionLabel(s);
  return /sekcja/i.test(label) ? label : `Sekcja ${label}`;
}

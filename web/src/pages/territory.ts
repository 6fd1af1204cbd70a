// Terytorium: which section serves an address (GET /territory/resolve) and the territory check.
import { api, query } from '../api';
import { append, h, replaceChildren } from '../dom';
import { plural } from '../labels';
import type { Id } from '../model';
import type { PageContext } from '../router';
import {
  button, clearFormErrors, emptyState, formValues, inputField, loading, notice, section, showFormErrors, table, toApiError,
  type FieldError,
} from '../ui';
import { sectionHref, sectionLabel } from './org-common';

interface SectionRef { id: Id; number: string | number; name: string }
interface Overlap { locality: string; street: string; sections: (SectionRef | Id | string)[]; numbers: string }
type Unassigned = string | { locality?: string; street?: string; count?: number; households?: number };
/**
 * docs/api.md promises `unassigned_streets`; the server (0.1.0) answers `gaps` (streets whose ranges
 * leave house numbers uncovered) and `households_unresolved` (households whose address is in no
 * section). The UI shows whichever is present.
 */
interface Check {
  overlaps: Overlap[];
  unassigned_streets?: Unassigned[];
  gaps?: Overlap[];
  households_unresolved?: number;
}

function overlapSection(s: SectionRef | Id | string): string {
  return typeof s === 'object' && s !== null ? sectionLabel(s) : `sekcja ${s}`;
}

function unassignedLabel(u: Unassigned): string {
  if (typeof u === 'string') return u;
  const n = u.households ?? u.count;
  return [u.locality, u.street].filter(Boolean).join(', ') + (n !== undefined ? ` (${n})` : '');
}

export function renderTerritory(ctx: PageContext): void {
  const result = h('div', { class: 'result', 'aria-live': 'polite' });
  const form = h('form', { class: 'form', novalidate: true },
    inputField({ label: 'Miejscowość', name: 'locality', required: true, value: ctx.query.get('miejscowosc') ?? '' }),
    h('div', { class: 'field-row' },
      inputField({ label: 'Ulica', name: 'street', required: true, hint: 'Bez przedrostka „ul.”', value: ctx.query.get('ulica') ?? '' }),
      inputField({ label: 'Numer domu', name: 'number', required: true, width: 'short', inputmode: 'numeric', value: ctx.query.get('numer') ?? '' })),
    button('Znajdź sekcję', { type: 'submit' }));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const errors: FieldError[] = [];
    if (!v.locality) errors.push({ field: 'locality', message: 'Wpisz miejscowość.' });
    if (!v.street) errors.push({ field: 'street', message: 'Wpisz ulicę.' });
    if (!v.number) errors.push({ field: 'number', message: 'Wpisz numer domu.' });
    if (errors.length) return showFormErrors(form, errors);
    clearFormErrors(form);
    replaceChildren(result, loading('Szukam sekcji…'));
    try {
      const res = await api.get<{ section: SectionRef }>(`/territory/resolve${query(v)}`);
      replaceChildren(result, notice('success',
        h('p', null, `Adres ${v.street} ${v.number}, ${v.locality} należy do sekcji `,
          h('a', { href: sectionHref(res.section.id) }, sectionLabel(res.section)), '.')));
    } catch (err) {
      const apiErr = toApiError(err);
      const kind = apiErr.status === 404 || apiErr.status === 409 ? 'warning' : 'error';
      replaceChildren(result, notice(kind, h('p', null, apiErr.message)));
    }
  });

  const checkHolder = h('div');
  const runCheck = async () => {
    replaceChildren(checkHolder, loading('Sprawdzam terytorium…'));
    try {
      drawCheck(checkHolder, await api.get<Check>('/territory/check'));
    } catch (err) {
      replaceChildren(checkHolder, notice('error', h('p', null, toApiError(err).message)));
    }
  };

  append(ctx.content, 
    section('Która sekcja obsługuje adres?', form, result),
    section('Kontrola terytorium',
      h('p', null, 'Każdy adres powinien należeć do dokładnie jednej sekcji. Kontrola wskazuje zakresy przypisane kilku sekcjom, luki w numeracji ulic oraz środowiska, których adres nie należy do żadnej sekcji.'),
      h('p', null, button('Sprawdź ponownie', { kind: 'secondary', onClick: () => void runCheck() })),
      checkHolder),
  );
  void runCheck();
}

function drawCheck(holder: HTMLElement, check: Check): void {
  const overlaps = check.overlaps ?? [];
  const gaps = check.gaps ?? [];
  const unassigned = check.unassigned_streets ?? [];
  const unresolved = check.households_unresolved ?? 0;
  const clean = !overlaps.length && !gaps.length && !unassigned.length && !unresolved;
  replaceChildren(holder,
    clean ? notice('success', h('p', null, 'Terytorium jest spójne: brak nakładających się zakresów, luk i adresów bez sekcji.')) : null,
    check.households_unresolved !== undefined
      ? (unresolved
          ? notice('warning', h('p', null, `${plural(unresolved, 'środowisko ma', 'środowiska mają', 'środowisk ma')} adres, którego nie obejmuje żadna sekcja.`))
          : null)
      : null,
    h('h3', null, 'Nakładające się zakresy'),
    overlaps.length
      ? table(`Nakładające się zakresy (${overlaps.length})`, ['Miejscowość', 'Ulica', 'Sekcje', 'Numery'],
          overlaps.map((o) => [o.locality, o.street, (o.sections ?? []).map(overlapSection).join('; '), o.numbers || '—']), { captionHidden: true })
      : emptyState('Brak nakładających się zakresów.'),
    check.gaps !== undefined ? [
      h('h3', null, 'Luki w numeracji'),
      h('p', { class: 'hint' }, 'Numery domów między przypisanymi zakresami, których nie obsługuje żadna sekcja.'),
      gaps.length
        ? table(`Luki w numeracji (${gaps.length})`, ['Miejscowość', 'Ulica', 'Numery bez sekcji'],
            gaps.map((g) => [g.locality, g.street, g.numbers || '—']), { captionHidden: true })
        : emptyState('Brak luk w numeracji.'),
    ] : null,
    check.unassigned_streets !== undefined ? [
      h('h3', null, 'Ulice bez sekcji'),
      unassigned.length
        ? h('ul', { class: 'columns-list' }, unassigned.map((u) => h('li', null, unassignedLabel(u))))
        : emptyState('Wszystkie znane ulice mają przypisaną sekcję.'),
    ] : null);
}

// Section detail: its street ranges, adding/deleting a range, CSV import with per-row errors.
import { api, ApiError, type RowError } from '../api';
import { announce, append, h, replaceChildren } from '../dom';
import { PARITY_LABELS, formatAddress, plural } from '../labels';
import type { Items, Parity, Section, StreetRange, Unit } from '../model';
import type { PageContext } from '../router';
import { can } from '../session';
import {
  button, confirmDialog, emptyState, formValues, inputField, notice, section, selectField, showApiError,
  showFormErrors, summaryList, table, textareaField, toApiError, type FieldError,
} from '../ui';
import { parseHouseNumber, sectionTitle } from './org-common';

const CSV_EXAMPLE = 'miejscowosc;ulica;parzystosc;od;do\nLublin;Lipowa;wszystkie;;\nLublin;Narutowicza;nieparzyste;1;51';

function houseNumber(n: number | null, end: 'from' | 'to'): string {
  return n === null ? (end === 'from' ? 'od początku' : 'do końca') : String(n);
}

export function describeRange(r: StreetRange): string {
  const parity = PARITY_LABELS[r.parity] ?? r.parity;
  return `${r.locality}, ${r.street}, numery ${parity}, ${houseNumber(r.from, 'from')} – ${houseNumber(r.to, 'to')}`;
}

export async function renderSectionDetail(ctx: PageContext): Promise<void> {
  const id = encodeURIComponent(ctx.params.id);
  const [sec, units] = await Promise.all([api.get<Section>(`/sections/${id}`), api.get<Items<Unit>>('/units')]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(sectionTitle(sec));
  const writable = can('org.write');
  const status = h('div', { class: 'status-area' });
  const streetsHolder = h('div');
  let streets = sec.streets ?? [];

  const reload = async () => {
    streets = (await api.get<Section>(`/sections/${id}`)).streets ?? [];
    drawStreets();
  };
  const say = (kind: 'success' | 'error', text: string) => replaceChildren(status, notice(kind, h('p', null, text)));

  const remove = async (r: StreetRange) => {
    const ok = await confirmDialog({
      title: 'Usunąć zakres ulicy?', text: `Zakres „${describeRange(r)}” przestanie należeć do tej sekcji.`, confirm: 'Usuń zakres',
    });
    if (!ok) return;
    try {
      await api.del(`/streets/${encodeURIComponent(String(r.id))}`);
      await reload();
      say('success', `Usunięto zakres: ${describeRange(r)}.`);
      streetsHolder.querySelector<HTMLElement>('caption')?.focus();
    } catch (err) {
      say('error', toApiError(err).message);
    }
  };

  const drawStreets = () => {
    const sorted = [...streets].sort((a, b) => `${a.locality} ${a.street}`.localeCompare(`${b.locality} ${b.street}`, 'pl') || (a.from ?? 0) - (b.from ?? 0));
    const headers = ['Miejscowość', 'Ulica', 'Numery', 'Od', 'Do', ...(writable ? ['Działania'] : [])];
    replaceChildren(streetsHolder, sorted.length
      ? table(`Ulice sekcji (${plural(sorted.length, 'zakres', 'zakresy', 'zakresów')})`, headers, sorted.map((r) => [
          r.locality, r.street, PARITY_LABELS[r.parity] ?? r.parity, houseNumber(r.from, 'from'), houseNumber(r.to, 'to'),
          ...(writable ? [deleteButton(r)] : []),
        ]))
      : emptyState('Ta sekcja nie ma jeszcze przypisanych ulic.'));
    streetsHolder.querySelector('caption')?.setAttribute('tabindex', '-1');
  };
  const deleteButton = (r: StreetRange) => {
    const b = button('Usuń', { kind: 'link', onClick: () => void remove(r) });
    b.setAttribute('aria-label', `Usuń zakres: ${describeRange(r)}`);
    return b;
  };
  drawStreets();

  const unit = units.items.find((u) => String(u.id) === String(sec.unit_id));
  append(ctx.content, 
    h('p', null, h('a', { href: '/sekcje', class: 'back-link' }, 'Wszystkie sekcje')),
    section('Dane sekcji', summaryList([
      ['Numer', String(sec.number)],
      ['Jednostka', unit?.name ?? ''],
      ['Adres siedziby', formatAddress(sec.address)],
      ['Pracownicy', (sec.staff ?? []).map((p) => p.full_name).join(', ')],
    ])),
    section('Terytorium sekcji', status, streetsHolder),
    writable ? section('Dodaj zakres ulicy', rangeForm(id, async (r) => { await reload(); say('success', `Dodano zakres: ${describeRange(r)}.`); })) : null,
    writable ? section('Import ulic z pliku CSV', importForm(id, async (n) => {
      await reload();
      say('success', `Zaimportowano ${plural(n, 'zakres', 'zakresy', 'zakresów')}.`);
    })) : null,
  );
}

function rangeForm(sectionId: string, onAdded: (r: StreetRange) => Promise<void>): HTMLFormElement {
  const parities = Object.entries(PARITY_LABELS) as [Parity, string][];
  const form = h('form', { class: 'form', novalidate: true },
    h('div', { class: 'field-row' },
      inputField({ label: 'Miejscowość', name: 'locality', required: true, autocomplete: 'off' }),
      inputField({ label: 'Ulica', name: 'street', required: true, autocomplete: 'off', hint: 'Bez przedrostka „ul.”, np. Narutowicza' })),
    selectField({ label: 'Numery', name: 'parity', required: true, options: parities, value: 'all', width: 'short' }),
    h('div', { class: 'field-row' },
      inputField({ label: 'Od numeru', name: 'from', inputmode: 'numeric', width: 'short', hint: 'Puste = od początku ulicy' }),
      inputField({ label: 'Do numeru', name: 'to', inputmode: 'numeric', width: 'short', hint: 'Puste = do końca ulicy' })),
    button('Dodaj zakres', { type: 'submit' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const from = parseHouseNumber(v.from);
    const to = parseHouseNumber(v.to);
    const errors: FieldError[] = [];
    if (!v.locality) errors.push({ field: 'locality', message: 'Wpisz miejscowość.' });
    if (!v.street) errors.push({ field: 'street', message: 'Wpisz nazwę ulicy.' });
    if (Number.isNaN(from)) errors.push({ field: 'from', message: 'Numer „od” musi być liczbą całkowitą.' });
    if (Number.isNaN(to)) errors.push({ field: 'to', message: 'Numer „do” musi być liczbą całkowitą.' });
    if (from !== null && to !== null && !Number.isNaN(from) && !Number.isNaN(to) && from > to) {
      errors.push({ field: 'to', message: 'Numer „do” nie może być mniejszy niż numer „od”.' });
    }
    if (errors.length) return showFormErrors(form, errors);
    try {
      const body = { locality: v.locality, street: v.street, parity: v.parity as Parity, from, to };
      const created = await api.post<StreetRange>(`/sections/${sectionId}/streets`, body);
      form.reset();
      form.querySelector(':scope > .error-summary')?.remove();
      await onAdded(created ?? ({ id: '', ...body } as StreetRange));
    } catch (err) {
      showApiError(form, err);
    }
  });
  return form;
}

function rowErrorsTable(rows: RowError[]): HTMLElement {
  return table('Błędy w wierszach pliku', ['Wiersz danych', 'Kolumna', 'Błąd'],
    rows.map((r) => [String(r.row), r.column || '—', r.message]));
}

function importForm(sectionId: string, onImported: (n: number) => Promise<void>): HTMLFormElement {
  const fileId = 'csv-file';
  const area = textareaField({
    label: 'Zawartość pliku CSV', name: 'csv', rows: 8, required: true,
    hint: 'Kolumny rozdzielone średnikiem: miejscowosc;ulica;parzystosc;od;do. Pierwszy wiersz to nagłówek. Parzystość: wszystkie, nieparzyste lub parzyste. Puste „od”/„do” oznacza cały zakres. Import jest niepodzielny: przy jakimkolwiek błędzie nic nie zostanie zapisane.',
  });
  const fileInput = h('input', { type: 'file', id: fileId, name: 'file', accept: '.csv,text/csv,text/plain', class: 'file' });
  const form = h('form', { class: 'form', novalidate: true },
    h('div', { class: 'field', 'data-field': 'file' },
      h('label', { for: fileId, class: 'label' }, 'Wczytaj plik CSV', h('span', { class: 'optional' }, ' (albo wklej treść poniżej)')),
      fileInput),
    area,
    h('details', { class: 'details' }, h('summary', null, 'Przykład pliku'), h('pre', { class: 'code' }, CSV_EXAMPLE)),
    button('Importuj ulice', { type: 'submit' }));
  const textarea = area.querySelector('textarea')!;
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    textarea.value = (await file.text()).replace(/^\uFEFF/, '');
    announce(`Wczytano plik ${file.name}. Sprawdź treść i wybierz „Importuj ulice”.`);
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = textarea.value;
    if (!text.trim()) return showFormErrors(form, [{ field: 'csv', message: 'Wklej treść pliku CSV albo wybierz plik.' }]);
    try {
      const res = await api.post<{ imported: number }>(`/sections/${sectionId}/streets/import`, text, { contentType: 'text/csv; charset=utf-8' });
      form.reset();
      form.querySelector(':scope > .error-summary')?.remove();
      await onImported(res?.imported ?? 0);
    } catch (err) {
      const apiErr = toApiError(err);
      const rows = apiErr.rows;
      const extra = rows.length
        ? [h('p', null, `Nic nie zostało zaimportowane. Popraw ${plural(rows.length, 'błąd', 'błędy', 'błędów')} i spróbuj ponownie. Wiersze danych są liczone bez wiersza nagłówka i pustych wierszy.`), rowErrorsTable(rows)]
        : null;
      // Row errors belong to the pasted text, so the summary links to the textarea.
      showApiError(form, rows.length ? new ApiError(apiErr.status, apiErr.code, apiErr.message, 'csv', rows) : apiErr, extra);
    }
  });
  return form;
}

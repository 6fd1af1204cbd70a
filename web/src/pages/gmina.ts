// Uchwały gminy (gmina.read: who drafts or signs decisions, dyrektor, administrator): the gmina's resolutions the
// calculators apply on the day of each decision and assessment — the percent of zasiłek okresowy (art. 38 ust. 3) and the
// maximum of one decision of zasiłek celowy and specjalny zasiłek celowy — with those in force today
// (GET /gmina/resolutions). With org.write a form records a resolution (POST /gmina/resolutions; a later one repeals the
// open-ended one before it) and another sets a resolution's last day (POST /gmina/resolutions/{id}/end). The server's
// errors are shown at the field.
import { api } from '../api';
import { append, h } from '../dom';
import { formatDay, formatMoney, parseMoney } from '../labels';
import type { GminaResolution, GminaResolutions } from '../model';
import { navigate, type PageContext } from '../router';
import { can } from '../session';
import {
  button, emptyState, formValues, inputField, section, selectField, setFlash, showFormErrors, summaryList, table, tag,
  takeFlash, toApiError, type FieldError,
} from '../ui';

const KINDS: [string, string][] = [
  ['zasilek_okresowy_percent', 'Procent zasiłku okresowego'],
  ['zasilek_celowy_max', 'Najwyższa kwota zasiłku celowego'],
  ['specjalny_zasilek_celowy_max', 'Najwyższa kwota specjalnego zasiłku celowego'],
];
const KIND_NAMES = new Map(KINDS);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PATH = '/uchwaly-gminy';

function value(r: GminaResolution): string {
  return r.percent !== null ? `${r.percent} % różnicy` : formatMoney(r.amount_grosze);
}
function period(r: GminaResolution): string {
  return r.valid_to ? `${formatDay(r.valid_from)} – ${formatDay(r.valid_to)}` : `od ${formatDay(r.valid_from)}, bezterminowo`;
}

export async function renderGmina(ctx: PageContext): Promise<void> {
  const data = await api.get<GminaResolutions>('/gmina/resolutions');
  if (!ctx.isCurrent()) return;
  const inForce = (kind: string, none: string) => {
    const r = data.in_force[kind];
    return r ? [h('strong', null, value(r)), ` — ${r.resolution}`] : none;
  };
  append(ctx.content,
    takeFlash(PATH),
    h('p', { class: 'lead' }, 'Uchwały rady gminy, które stosuje kalkulator decyzji i ocena uprawnień — każda na dzień, od którego obowiązuje. ' +
      'Górną granicę specjalnego zasiłku celowego (kryterium dochodowe, art. 41 pkt 1 ustawy o pomocy społecznej) wyznacza ustawa.'),
    section(`Obowiązujące w dniu ${formatDay(data.date)}`,
      summaryList([
        ['Zasiłek okresowy', inForce('zasilek_okresowy_percent', '50 % różnicy — minimum ustawowe (art. 38 ust. 3), gmina nie ustaliła więcej')],
        ['Zasiłek celowy — najwyżej w jednej decyzji', inForce('zasilek_celowy_max', 'gmina nie ustaliła')],
        ['Specjalny zasiłek celowy — najwyżej w jednej decyzji', inForce('specjalny_zasilek_celowy_max', 'do kryterium dochodowego (art. 41 pkt 1)')],
      ])),
    section('Wszystkie uchwały', data.items.length
      ? table(`Uchwały gminy (${data.items.length})`, ['Rodzaj', 'Obowiązuje', 'Wartość', 'Uchwała', 'Stan'],
          data.items.map((r) => [KIND_NAMES.get(r.kind) ?? r.kind, period(r), h('span', { class: 'nowrap' }, value(r)), r.resolution,
            data.in_force[r.kind]?.id === r.id ? tag('Obowiązuje', 'green') : tag('Nie obowiązuje', 'grey')]))
      : emptyState('Nie zapisano jeszcze żadnej uchwały — stosuje się minimum ustawowe.')),
    can('org.write') ? section('Dodaj uchwałę', addForm()) : null,
    can('org.write') && data.items.length ? section('Zakończ obowiązywanie uchwały', endForm(data.items)) : null);
}

function addForm(): HTMLFormElement {
  // Both required: only the one the kind needs is shown.
  const percent = inputField({ label: 'Procent różnicy', name: 'percent', type: 'number', min: 50, max: 100, width: 'short', required: true,
    hint: 'Od 50 do 100 — część różnicy między kryterium a dochodem (art. 38 ust. 3 ustawy o pomocy społecznej).' });
  const amount = inputField({ label: 'Najwyższa kwota jednej decyzji (zł)', name: 'amount_grosze', width: 'short', inputmode: 'decimal', required: true,
    autocomplete: 'off', hint: 'Np. 1 500,00.' });
  amount.hidden = true;
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Dodaj uchwałę' },
    selectField({ label: 'Rodzaj uchwały', name: 'kind', required: true, width: 'full', options: KINDS }),
    h('div', { class: 'field-row' },
      inputField({ label: 'Obowiązuje od', name: 'valid_from', type: 'date', required: true, width: 'short' }),
      inputField({ label: 'Obowiązuje do', name: 'valid_to', type: 'date', width: 'short', hint: 'Puste — do uchylenia.' })),
    percent, amount,
    inputField({ label: 'Uchwała', name: 'resolution', required: true, width: 'full',
      hint: 'Numer, organ i data, np. uchwała nr XII/85/2025 Rady Miasta Lublin z dnia 12 grudnia 2025 r.' }),
    h('p', { class: 'hint' }, 'Nowa uchwała uchyla wcześniejszą bezterminową uchwałę tego rodzaju: tamta obowiązuje do dnia poprzedniego.'),
    button('Zapisz uchwałę', { type: 'submit' }));
  const kind = form.querySelector<HTMLSelectElement>('select[name=kind]')!;
  kind.addEventListener('change', () => {
    percent.hidden = kind.value !== 'zasilek_okresowy_percent';
    amount.hidden = !percent.hidden;
  });
  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const errors: FieldError[] = [];
    if (!DAY.test(v.valid_from ?? '')) errors.push({ field: 'valid_from', message: 'Podaj dzień, od którego uchwała obowiązuje.' });
    if (v.valid_to && !DAY.test(v.valid_to)) errors.push({ field: 'valid_to', message: 'Podaj ostatni dzień obowiązywania albo zostaw puste.' });
    if (!v.resolution) errors.push({ field: 'resolution', message: 'Podaj numer, organ i datę uchwały.' });
    const body: Record<string, unknown> = { kind: v.kind, valid_from: v.valid_from, valid_to: v.valid_to ?? '', resolution: v.resolution };
    if (v.kind === 'zasilek_okresowy_percent') {
      if (!/^\d{1,3}$/.test(v.percent ?? '')) errors.push({ field: 'percent', message: 'Wpisz procent — liczbę od 50 do 100.' });
      else body.percent = Number(v.percent);
    } else {
      const grosze = parseMoney(v.amount_grosze ?? '');
      if (grosze === null) errors.push({ field: 'amount_grosze', message: 'Wpisz kwotę w złotych, np. 1 500,00.' });
      else body.amount_grosze = grosze;
    }
    if (errors.length) return showFormErrors(form, errors);
    submitButton.disabled = true;
    try {
      await api.post('/gmina/resolutions', body);
      setFlash(PATH, `Zapisano uchwałę: ${KIND_NAMES.get(v.kind) ?? v.kind} od ${formatDay(v.valid_from)}.`);
      navigate(PATH);
    } catch (err) {
      const ae = toApiError(err);
      const known = ['kind', 'valid_from', 'valid_to', 'percent', 'amount_grosze', 'resolution'];
      showFormErrors(form, [{ field: known.includes(ae.field) ? ae.field : undefined, message: ae.message }]);
    } finally {
      submitButton.disabled = false;
    }
  });
  return form;
}

function endForm(items: GminaResolution[]): HTMLFormElement {
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Zakończ obowiązywanie uchwały' },
    selectField({ label: 'Uchwała', name: 'id', required: true, width: 'full',
      options: items.map((r) => [String(r.id), `${KIND_NAMES.get(r.kind) ?? r.kind}: ${value(r)}, ${period(r)} — ${r.resolution}`]) }),
    inputField({ label: 'Ostatni dzień obowiązywania', name: 'valid_to', type: 'date', required: true, width: 'short' }),
    button('Zakończ obowiązywanie', { type: 'submit', kind: 'secondary' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    if (!DAY.test(v.valid_to ?? '')) return showFormErrors(form, [{ field: 'valid_to', message: 'Podaj ostatni dzień obowiązywania.' }]);
    try {
      await api.post(`/gmina/resolutions/${encodeURIComponent(v.id)}/end`, { valid_to: v.valid_to });
      setFlash(PATH, `Uchwała obowiązuje do ${formatDay(v.valid_to)}.`);
      navigate(PATH);
    } catch (err) {
      const ae = toApiError(err);
      showFormErrors(form, [{ field: ae.field === 'valid_to' ? 'valid_to' : undefined, message: ae.message }]);
    }
  });
  return form;
}

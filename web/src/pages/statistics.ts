// Statystyka (stats.read: analityk, kierownik, dyrektor): the counts of GET /statistics/assistance for a year,
// a quarter, a half-year or a month (kept in ?rok=&okres=), laid out as the yearly realisation reports lay them
// out (seed 003): one table, a task per group of rows, each indicator with its value. Aggregates only.
import { api, query } from '../api';
import { append, h, replaceChildren, uid } from '../dom';
import {
  ACTIVATION_LABELS, SERVICE_KIND_LABELS, formatDay, formatMoney, todayIso,
} from '../labels';
import type { FormOfHelp, Statistics } from '../model';
import type { PageContext } from '../router';
import { button, loading, notice, section, selectField, toApiError } from '../ui';

const FIRST_YEAR = 2013; // the rules (and the records) start on 1.10.2012

/** Parts of a year: code → [label, first month, last month]. */
const PERIODS: [string, string, number, number][] = [
  ['rok', 'Cały rok', 1, 12],
  ['k1', 'I kwartał', 1, 3], ['k2', 'II kwartał', 4, 6], ['k3', 'III kwartał', 7, 9], ['k4', 'IV kwartał', 10, 12],
  ['p1', 'I półrocze', 1, 6], ['p2', 'II półrocze', 7, 12],
  ...['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik',
    'listopad', 'grudzień'].map((name, i): [string, string, number, number] => [`m${i + 1}`, name, i + 1, i + 1]),
];

function range(year: number, code: string): { from: string; to: string } {
  const [, , first, last] = PERIODS.find((p) => p[0] === code) ?? PERIODS[0];
  const end = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(last)}-${end}` };
}

export function renderStatistics(ctx: PageContext): void {
  const thisYear = Number(todayIso().slice(0, 4));
  const askedYear = Number(ctx.query.get('rok'));
  let year = askedYear >= FIRST_YEAR && askedYear <= thisYear ? askedYear : thisYear;
  let period = PERIODS.some((p) => p[0] === ctx.query.get('okres')) ? ctx.query.get('okres')! : 'rok';
  const result = h('div', { 'aria-live': 'polite' });
  const forms = api.get<{ forms: FormOfHelp[] }>('/rules/forms-of-help').then((r) => r.forms).catch(() => [] as FormOfHelp[]);

  const years: [string, string][] = [];
  for (let y = thisYear; y >= FIRST_YEAR; y--) years.push([String(y), String(y)]);
  const form = h('form', { class: 'form form--filters', novalidate: true, 'aria-label': 'Wybór okresu sprawozdania' },
    h('div', { class: 'field-row' },
      selectField({ label: 'Rok', name: 'rok', width: 'short', required: true, options: years, value: String(year) }),
      selectField({ label: 'Okres', name: 'okres', width: 'medium', required: true, options: PERIODS.map(([c, l]) => [c, l]), value: period })),
    button('Pokaż', { type: 'submit' }));

  const load = async () => {
    const { from, to } = range(year, period);
    replaceChildren(result, loading('Liczę…'));
    try {
      const [stats, names] = await Promise.all([api.get<Statistics>(`/statistics/assistance${query({ from, to })}`), forms]);
      if (!ctx.isCurrent()) return;
      const periodName = PERIODS.find((p) => p[0] === period)![1];
      replaceChildren(result, report(stats, names, `${periodName} ${year}`));
    } catch (err) {
      if (!ctx.isCurrent()) return;
      replaceChildren(result, notice('error', h('p', null, toApiError(err).message),
        h('p', null, button('Spróbuj ponownie', { kind: 'secondary', onClick: () => void load() }))));
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    year = Number((form.elements.namedItem('rok') as HTMLSelectElement).value);
    period = (form.elements.namedItem('okres') as HTMLSelectElement).value;
    history.replaceState(null, '', `${location.pathname}${query({ rok: year, okres: period === 'rok' ? undefined : period })}`);
    void load();
  });

  append(ctx.content,
    h('p', { class: 'lead' }, 'Liczby do sprawozdań z realizacji programów, policzone z zapisów ośrodka. Tylko dane zbiorcze — bez danych osobowych.'),
    section('Okres sprawozdania', form),
    section('Wskaźniki', result),
    section('Jak liczymy', h('ul', null,
      h('li', null, 'Rodzina lub osoba liczy się raz w okresie, niezależnie od liczby decyzji i zapisów.'),
      h('li', null, 'Decyzja liczy się za czas, w którym obowiązywała — do dnia przed jej zmianą, wstrzymaniem albo uchyleniem.'),
      h('li', null, 'Ilości (posiłki, porady, godziny) liczą się w dniu, w którym ich udzielono, więc kwartały sumują się do roku.'),
      h('li', null, 'Dziecko to osoba przed ukończeniem 18 lat (według daty urodzenia) w pierwszym dniu pomocy w okresie.'))));
  void load();
}

type Row = [string, string];

/** Counselling types as the reports name the consultations. */
const COUNSELLING: [string, string][] = [
  ['psychologiczne', 'psychologicznych'], ['prawne', 'prawnych'], ['rodzinne', 'rodzinnych'], ['uzaleznienia', 'w zakresie uzależnień'],
];

function report(s: Statistics, forms: FormOfHelp[], title: string): HTMLElement {
  const formName = (code: string) => forms.find((f) => f.code === code)?.name ?? SERVICE_KIND_LABELS[code]?.toLowerCase() ?? code;
  const n = (v: number | undefined) => String(v ?? 0);
  const byForm = Object.entries(s.families_by_form).sort(([a], [b]) => formName(a).localeCompare(formName(b), 'pl'));
  const groups: [string, Row[]][] = [
    ['Zapewnienie rodzinom wsparcia socjalnego',
      byForm.length ? byForm.map(([code, count]): Row => [`Liczba rodzin korzystających z pomocy w formie: ${formName(code)}`, n(count)])
        : [['Liczba rodzin korzystających z pomocy', '0']]],
    ['Pomoc rzeczowa', [
      ['Liczba rodzin, którym udzielono pomocy w formie: środków czystości', n(s.in_kind_families.srodki_czystosci)],
      ['— odzieży', n(s.in_kind_families.odziez)],
      ['— żywności', n(s.in_kind_families.zywnosc)]]],
    ['Zapewnienie dożywiania dzieciom', [
      ['Liczba dzieci korzystających z posiłków', n(s.meals_children)],
      ['Liczba wydanych posiłków (wszystkim osobom)', n(s.delivered.posilek)]]],
    ['Mieszkania chronione', [
      ['Liczba osób w mieszkaniach chronionych', n(s.sheltered.persons)],
      ['Liczba mieszkań', n(s.sheltered.flats)],
      ['Liczba miejsc w tych mieszkaniach', n(s.sheltered.places)],
      ['Liczba dzieci w tych mieszkaniach', n(s.sheltered.children)],
      ['Liczba nowo powstałych mieszkań chronionych', n(s.sheltered.new_flats)]]],
    ['Specjalistyczne poradnictwo', [
      ['Liczba osób korzystających ze specjalistycznego poradnictwa', n(s.counselling.persons)],
      ['Liczba udzielonych porad', n(Object.values(s.counselling.consultations).reduce((a, b) => a + b, 0))],
      ...COUNSELLING.map(([t, words]): Row => [`— w tym ${words}`, n(s.counselling.consultations[t])])]],
    ['Prowadzenie pracy socjalnej', [
      ['Liczba rodzin objętych pracą socjalną', n(s.social_work.families)],
      ['Liczba kontraktów socjalnych', n(s.social_work.contracts)]]],
    ['Działania aktywizujące', [
      ['Liczba osób zaktywizowanych', n(s.social_work.activated_persons)],
      ['— w tym prace społecznie użyteczne (osoby)', n(s.social_work.community_work_persons)],
      ['— godziny prac społecznie użytecznych', n(s.social_work.community_work_hours)],
      ...Object.keys(ACTIVATION_LABELS).map((k): Row => [`— ${ACTIVATION_LABELS[k]}`, n(s.social_work.activation[k])])]],
    ['Współpraca z instytucjami', [['Liczba skierowań do instytucji partnerskich', n(s.social_work.referrals)]]],
    ['Domy pomocy społecznej', [
      ['Liczba mieszkańców skierowanych przez ośrodek', n(s.care_homes.residents)],
      ['Opłaty gminy za pobyt (art. 61 ust. 2 pkt 3)', formatMoney(s.care_homes.gmina_fee_grosze)],
      ['Opłaty mieszkańców', formatMoney(s.care_homes.resident_fee_grosze)],
      ['Opłaty rodzin', formatMoney(s.care_homes.family_fee_grosze)]]],
  ];
  const caption = `Wskaźniki za okres ${formatDay(s.from)} – ${formatDay(s.to)} (${title})`;
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: 0 },
    h('table', { class: 'table table--report' },
      h('caption', { class: 'table__caption' }, caption),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Zadanie'), h('th', { scope: 'col' }, 'Wskaźnik'), h('th', { scope: 'col', class: 'num' }, 'Wartość'))),
      groups.map(([task, rows]) => {
        const id = uid('zad');
        return h('tbody', null, rows.map(([indicator, value], i) => h('tr', null,
          i === 0 ? h('th', { scope: 'rowgroup', rowspan: rows.length, id }, task) : null,
          h('th', { scope: 'row', headers: id }, indicator),
          h('td', { class: 'num' }, value))));
      })));
}

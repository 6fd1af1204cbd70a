// Dochód gospodarstwa (cases.read): the income items of one month with what counts of each and why, the household's
// income (total and per person) and the eligibility for every form of help on a day — the household's members, the
// criteria and the gmina's resolutions of that day — with the act's explanation; non-cash forms folded in a <details>
// (GET /households/{id}/income?month=&date=; the month and day are kept in ?miesiac= and ?dzien=). With cases.write a
// form adds an item (POST /households/{id}/income-items; types in force on the day from GET /rules/income-types).
import { api } from '../api';
import { append, h } from '../dom';
import { formatDay, formatMoney, formatMonth, parseMoney, previousMonth, todayIso } from '../labels';
import type { Eligibility, FormOfHelp, Household, IncomeAssessment, IncomeItem, IncomeType } from '../model';
import { navigate, type PageContext } from '../router';
import { can } from '../session';
import {
  button, emptyState, formValues, inputField, section, selectField, setFlash, showFormErrors, summaryList, table,
  tag, takeFlash, toApiError, type FieldError,
} from '../ui';
import { householdBackLink, householdStreet, incomeHref, loadHousehold } from './case-common';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DEDUCTIONS: [keyof IncomeItem & string, string][] = [
  ['tax_grosze', 'Podatek dochodowy (zł)'], ['health_grosze', 'Składka zdrowotna (zł)'],
  ['social_grosze', 'Składki społeczne (zł)'], ['alimony_paid_grosze', 'Alimenty płacone innym osobom (zł)'],
];

export async function renderIncome(ctx: PageContext): Promise<void> {
  const hh = await loadHousehold(ctx, ctx.params.id);
  if (!hh || !ctx.isCurrent()) return;
  const today = todayIso();
  const askedMonth = ctx.query.get('miesiac') ?? '';
  const askedDay = ctx.query.get('dzien') ?? '';
  const month = MONTH.test(askedMonth) ? askedMonth : previousMonth(today);
  const day = DAY.test(askedDay) ? askedDay : today;
  const hid = encodeURIComponent(String(hh.id));
  const [assessment, types, forms] = await Promise.all([
    api.get<IncomeAssessment>(`/households/${hid}/income?month=${month}&date=${day}`),
    api.get<{ types: IncomeType[] }>(`/rules/income-types?date=${day}`).then((r) => r.types),
    api.get<{ forms: FormOfHelp[] }>('/rules/forms-of-help').then((r) => r.forms).catch(() => [] as FormOfHelp[]),
  ]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`Dochód gospodarstwa: ${householdStreet(hh.address)}`);
  const typeNames = new Map(types.map((t) => [t.code, t.name]));
  const formNames = new Map(forms.map((f) => [f.code, f.name]));
  const cash = new Map(forms.map((f) => [f.code, f.cash]));

  append(ctx.content,
    householdBackLink(hh),
    takeFlash(location.pathname + location.search),
    h('p', { class: 'lead' }, 'Dochód liczy się z miesiąca poprzedzającego złożenie wniosku; dochody jednorazowe — z 12 miesięcy (art. 8 ust. 3 i 11 ustawy o pomocy społecznej).'),
    periodForm(hh, month, day),
    section(`Dochód za ${formatMonth(assessment.month)}`,
      summaryList([
        ['Liczba osób w gospodarstwie', String(assessment.persons)],
        ['Dochód gospodarstwa', formatMoney(assessment.total_grosze)],
        ['Dochód na osobę', formatMoney(assessment.per_person_grosze)],
      ]),
      itemsTable(hh, assessment, typeNames)),
    section(`Uprawnienie do pomocy na dzień ${formatDay(assessment.date)}`,
      h('p', { class: 'hint' }, `Skład gospodarstwa, kryteria i uchwały gminy z dnia ${formatDay(assessment.date)}. ` +
        'Dochód decyduje tylko o warunku dochodowym — pozostałe przesłanki ocenia pracownik w wywiadzie.'),
      assessment.eligibility.filter((e) => cash.get(e.form) !== false).map((e) => eligibilityBlock(e, formNames)),
      h('details', { class: 'eligibility__more' },
        h('summary', null, 'Świadczenia niepieniężne'),
        assessment.eligibility.filter((e) => cash.get(e.form) === false).map((e) => eligibilityBlock(e, formNames)))),
    can('cases.write') ? section('Dodaj pozycję dochodu', itemForm(hh, month, types)) : null);
}

/** One form of help: the verdict on the income condition, the amount or the limit, the criterion and why. */
function eligibilityBlock(e: Eligibility, formNames: Map<string, string>): HTMLElement {
  const calculated = e.form === 'zasilek_staly' || e.form === 'zasilek_okresowy';
  const verdict = !e.income_tested ? tag('Dochód nie decyduje', 'blue')
    : calculated ? (e.eligible ? tag('Przysługuje', 'green') : tag('Nie przysługuje', 'grey'))
      : (e.eligible ? tag('Warunek dochodowy spełniony', 'green') : tag('Warunek dochodowy niespełniony', 'grey'));
  return h('div', { class: 'eligibility' },
    h('h3', null, formNames.get(e.form) ?? e.form, ' ', verdict),
    e.income_tested ? h('p', null,
      e.amount_grosze !== null ? ['Kwota: ', h('strong', { class: 'nowrap' }, formatMoney(e.amount_grosze)), ' miesięcznie. '] : null,
      e.max_amount_grosze !== null ? ['Najwyżej w jednej decyzji: ', h('strong', { class: 'nowrap' }, formatMoney(e.max_amount_grosze)), '. '] : null,
      `Próg dochodowy: ${formatMoney(e.criterion_grosze)}.`) : null,
    h('ul', { class: 'preview__lines' }, e.explanation.map((line) => h('li', null, line))));
}

function periodForm(hh: Household, month: string, day: string): HTMLFormElement {
  const form = h('form', { class: 'form form--filters', novalidate: true, 'aria-label': 'Miesiąc i dzień oceny' },
    h('div', { class: 'field-row' },
      inputField({ label: 'Miesiąc dochodu', name: 'miesiac', type: 'month', value: month, width: 'short' }),
      inputField({ label: 'Kryteria na dzień', name: 'dzien', type: 'date', value: day, width: 'short' }),
      button('Pokaż', { type: 'submit', kind: 'secondary' })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    const errors: FieldError[] = [];
    if (!MONTH.test(v.miesiac ?? '')) errors.push({ field: 'miesiac', message: 'Podaj miesiąc w postaci RRRR-MM, np. 2026-10.' });
    if (!DAY.test(v.dzien ?? '')) errors.push({ field: 'dzien', message: 'Podaj dzień, na który mają być wzięte kryteria.' });
    if (errors.length) return showFormErrors(form, errors);
    navigate(`${incomeHref(hh.id)}?miesiac=${v.miesiac}&dzien=${v.dzien}`);
  });
  return form;
}

function memberName(hh: Household, personId: unknown): string {
  const m = hh.members.find((x) => String(x.person.id) === String(personId));
  return m ? `${m.person.first_name} ${m.person.last_name}` : 'osoba spoza obecnego składu';
}

function itemsTable(hh: Household, a: IncomeAssessment, typeNames: Map<string, string>): HTMLElement {
  if (!a.items.length) return emptyState(`Brak zapisanych pozycji dochodu za ${formatMonth(a.month)}.`);
  return table(`Pozycje dochodu (${a.items.length})`, ['Osoba', 'Rodzaj dochodu', 'Za miesiąc', 'Kwota', 'Potrącenia', 'Liczy się', 'Wyjaśnienie'],
    a.items.map((i) => [
      memberName(hh, i.person_id),
      typeNames.get(i.type) ?? i.type,
      i.period_from && i.period_to ? `${formatMonth(i.month)} (należny za ${formatMonth(i.period_from)} – ${formatMonth(i.period_to)})` : formatMonth(i.month),
      h('span', { class: 'nowrap' }, formatMoney(i.amount_grosze)),
      h('span', { class: 'nowrap' }, formatMoney(i.tax_grosze + i.health_grosze + i.social_grosze + i.alimony_paid_grosze)),
      h('strong', { class: 'nowrap' }, formatMoney(i.counted_grosze)),
      [i.explanation, i.source ? h('span', { class: 'hint' }, ` Źródło: ${i.source}`) : null],
    ]), { captionHidden: true });
}

/** "2,5" hectares as ten-thousandths (hectares_e4); null when it is not a number of hectares. */
function parseHectares(text: string): number | null {
  const m = /^(\d{1,5})(?:[,.](\d{1,4}))?$/.exec(text.replace(/\s/g, ''));
  return m ? Number(m[1]) * 10000 + Number((m[2] ?? '0').padEnd(4, '0')) : null;
}

function itemForm(hh: Household, month: string, types: IncomeType[]): HTMLFormElement {
  const members = [...hh.members].sort((a, b) => (a.relation === 'head' ? -1 : b.relation === 'head' ? 1 : 0));
  const farm = new Set(types.filter((t) => t.farm).map((t) => t.code));
  const hectares = inputField({ label: 'Hektary przeliczeniowe', name: 'hectares_e4', width: 'short', inputmode: 'decimal',
    hint: 'Dochód z gospodarstwa rolnego liczy się od hektara przeliczeniowego, np. 2,5.' });
  hectares.hidden = true;
  const spreadable = new Set(types.filter((t) => !t.farm && !t.one_off).map((t) => t.code));
  const period = h('fieldset', { class: 'fieldset' },
    h('legend', { class: 'legend' }, 'Dochód należny za okres (opcjonalnie)'),
    h('p', { class: 'hint' }, 'Gdy kwotę uzyskano jednorazowo za kilka miesięcy (np. wyrównanie renty, zaległe alimenty), ' +
      'podaj te miesiące — kwota zostanie rozłożona na nie po równo (art. 8 ust. 12 ustawy o pomocy społecznej).'),
    h('div', { class: 'field-row' },
      inputField({ label: 'Należny od miesiąca', name: 'period_from', type: 'month', width: 'short', hint: 'RRRR-MM' }),
      inputField({ label: 'Należny do miesiąca', name: 'period_to', type: 'month', width: 'short', hint: 'RRRR-MM' })));
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Dodaj pozycję dochodu' },
    selectField({
      label: 'Osoba', name: 'person_id', required: true, width: 'full',
      options: members.map((m) => [String(m.person.id), `${m.person.last_name} ${m.person.first_name}`]),
    }),
    selectField({
      label: 'Rodzaj dochodu', name: 'type', required: true, width: 'full', emptyLabel: 'Wybierz rodzaj',
      options: types.map((t) => [t.code, `${t.name}${t.one_off ? ' (jednorazowy)' : ''}${t.excluded ? ' — nie wlicza się do dochodu' : ''}`]),
      hint: 'Świadczenia wyłączone z dochodu (art. 8 ust. 4) można zapisać — nie zostaną policzone.',
    }),
    h('div', { class: 'field-row' },
      inputField({ label: 'Za miesiąc', name: 'month', type: 'month', required: true, value: month, width: 'short', hint: 'RRRR-MM' }),
      inputField({ label: 'Kwota (zł)', name: 'amount_grosze', required: true, width: 'short', inputmode: 'decimal', autocomplete: 'off',
        hint: 'Przed potrąceniami, np. 3 500,00.' })),
    h('fieldset', { class: 'fieldset' },
      h('legend', { class: 'legend' }, 'Potrącenia'),
      h('p', { class: 'hint' }, 'Odejmowane od kwoty dochodu (art. 8 ust. 3 ustawy o pomocy społecznej).'),
      h('div', { class: 'field-grid' },
        DEDUCTIONS.map(([name, text]) => inputField({ label: text, name, width: 'short', inputmode: 'decimal', autocomplete: 'off' })))),
    hectares,
    period,
    inputField({ label: 'Źródło informacji', name: 'source', width: 'full', hint: 'Np. zaświadczenie od pracodawcy, oświadczenie strony.' }),
    button('Dodaj pozycję dochodu', { type: 'submit' }));
  const typeSelect = form.querySelector<HTMLSelectElement>('select[name=type]')!;
  typeSelect.addEventListener('change', () => {
    hectares.hidden = !farm.has(typeSelect.value);
    period.hidden = !!typeSelect.value && !spreadable.has(typeSelect.value);
  });

  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const errors: FieldError[] = [];
    if (!v.type) errors.push({ field: 'type', message: 'Wybierz rodzaj dochodu.' });
    if (!MONTH.test(v.month ?? '')) errors.push({ field: 'month', message: 'Podaj miesiąc w postaci RRRR-MM, np. 2026-10.' });
    const money: Record<string, number | undefined> = {};
    for (const name of ['amount_grosze', ...DEDUCTIONS.map(([n]) => n)]) {
      if (!v[name]) continue;
      const grosze = parseMoney(v[name]);
      if (grosze === null) errors.push({ field: name, message: 'Wpisz kwotę w złotych, np. 1 229,00.' });
      else money[name] = grosze;
    }
    if (money.amount_grosze === undefined && !errors.some((x) => x.field === 'amount_grosze')) {
      errors.push({ field: 'amount_grosze', message: 'Wpisz kwotę dochodu.' });
    }
    const ha = !hectares.hidden && v.hectares_e4 ? parseHectares(v.hectares_e4) : undefined;
    if (ha === null) errors.push({ field: 'hectares_e4', message: 'Wpisz liczbę hektarów, np. 2,5.' });
    const spread = !period.hidden && (v.period_from || v.period_to);
    if (spread) {
      if (!MONTH.test(v.period_from ?? '')) errors.push({ field: 'period_from', message: 'Podaj pierwszy miesiąc okresu (RRRR-MM).' });
      if (!MONTH.test(v.period_to ?? '')) errors.push({ field: 'period_to', message: 'Podaj ostatni miesiąc okresu (RRRR-MM).' });
      else if (MONTH.test(v.period_from ?? '') && v.period_to < v.period_from) {
        errors.push({ field: 'period_to', message: 'Koniec okresu nie może być przed jego początkiem.' });
      }
    }
    if (errors.length) return showFormErrors(form, errors);
    submitButton.disabled = true;
    try {
      await api.post(`/households/${encodeURIComponent(String(hh.id))}/income-items`, {
        person_id: Number(v.person_id), type: v.type, month: v.month, ...money, hectares_e4: ha ?? undefined, source: v.source ?? '',
        ...(spread ? { period_from: v.period_from, period_to: v.period_to } : {}),
      });
      const target = `${incomeHref(hh.id)}?miesiac=${v.month}&dzien=${new URLSearchParams(location.search).get('dzien') ?? todayIso()}`;
      setFlash(target, `Dodano pozycję dochodu: ${memberName(hh, v.person_id)}, ${typeSelect.selectedOptions[0]?.text ?? v.type}, ` +
        `${formatMoney(money.amount_grosze!)} za ${formatMonth(v.month)}.`);
      navigate(target);
    } catch (err) {
      const ae = toApiError(err);
      const known = ['person_id', 'type', 'month', 'amount_grosze', 'hectares_e4', 'source', 'period_from', 'period_to',
        ...DEDUCTIONS.map(([n]) => n)];
      showFormErrors(form, [{ field: known.includes(ae.field) ? ae.field : undefined, message: ae.message }]);
    } finally {
      submitButton.disabled = false;
    }
  });
  return form;
}


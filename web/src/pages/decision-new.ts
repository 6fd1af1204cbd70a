// Nowa decyzja (decisions.write) for a household, in the case of an application (?wniosek=) or ex officio: kind, form of
// help, period, household size and income (prefilled from the recorded income of the reference month), a live amount
// preview (POST /decisions/amount-preview, debounced, aria-live) with the calculation and the allowed range, a different
// amount with its justification, the payment method with a live IBAN check, and the reasoning. The server decides:
// its field errors are shown at the field it names.
import { api, ApiError } from '../api';
import { append, h, replaceChildren, uid } from '../dom';
import {
  DECISION_KIND_LABELS, RELATION_LABELS, formatDay, formatIban, formatMoney, formatMonth, label, moneyInput, parseMoney,
  previousMonth, todayIso,
} from '../labels';
import type {
  AmountPreview, Application, Decision, FormOfHelp, Household, IncomeAssessment, Items,
} from '../model';
import { navigate, type PageContext } from '../router';
import {
  button, clearFormErrors, formValues, inputField, notice, radioGroup, selectField, setFlash, showFormErrors, textareaField,
  toApiError, type FieldError,
} from '../ui';
import {
  applicationHref, decisionHref, householdAddress, householdBackLink, householdStreet, incomeHref, loadHousehold,
} from './case-common';
import { amountText, inForce } from './decision-common';

const KINDS: [string, string, string?][] = [
  ['grant', 'Przyznająca pomoc'],
  ['refuse', 'Odmowna', 'Wymaga uzasadnienia faktycznego i prawnego.'],
  ['change', 'Zmieniająca decyzję ostateczną', 'Np. nowa kwota po zmianie dochodu (art. 106 ust. 5).'],
  ['suspend', 'Wstrzymująca wypłatę'],
  ['withdraw', 'Uchylająca decyzję ostateczną'],
];
/** Kinds that concern an earlier, binding decision (changes_decision_id). */
const TARGETED = ['change', 'suspend', 'withdraw'];
/** Kinds whose decision states an amount (the others refuse, suspend or withdraw help). */
const PAYING = ['grant', 'change'];
/** The fields the API names in its errors; each has a data-field wrapper on this form. */
const API_FIELDS = ['person_id', 'kind', 'form', 'changes_decision_id', 'period_from', 'period_to', 'household_size', 'income_grosze',
  'amount_grosze', 'amount_justification', 'payment_method', 'iban', 'reasoning'];

interface IbanCheck { valid: boolean; error: string | null; normalized: string | null }

export async function renderDecisionNew(ctx: PageContext): Promise<void> {
  const hh = await loadHousehold(ctx, ctx.params.id);
  if (!hh || !ctx.isCurrent()) return;
  const hid = encodeURIComponent(String(hh.id));
  const appId = ctx.query.get('wniosek');
  const today = todayIso();
  const [forms, app, decisions] = await Promise.all([
    api.get<{ forms: FormOfHelp[] }>('/rules/forms-of-help').then((r) => r.forms),
    appId ? api.get<Application>(`/applications/${encodeURIComponent(appId)}`) : Promise.resolve(null),
    api.get<Items<Decision>>(`/households/${hid}/decisions`).then((r) => r.items),
  ]);
  if (app && String(app.household_id) !== String(hh.id)) throw new ApiError(404, 'not_found', 'Wniosek nie dotyczy tego środowiska.');
  // Income is counted from the month before the application (art. 8 ust. 3 ustawy o pomocy społecznej).
  const month = previousMonth(app?.received_on ?? today);
  const income = await api.get<IncomeAssessment>(`/households/${hid}/income?month=${month}&date=${today}`).catch(() => null);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(app ? `Decyzja w sprawie wniosku ${app.number}` : `Nowa decyzja: ${householdStreet(hh.address)}`);

  const intro = app
    ? h('p', { class: 'lead' }, 'Projekt decyzji w sprawie ', h('a', { href: applicationHref(app.id) }, `wniosku ${app.number}`),
        ` z dnia ${formatDay(app.received_on)} — ${householdAddress(hh.address)}.`)
    : h('p', { class: 'lead' }, `Projekt decyzji wydawanej z urzędu dla środowiska: ${householdAddress(hh.address)}.`);
  if (app && app.status !== 'open') {
    append(ctx.content, householdBackLink(hh), intro,
      notice('warning', h('p', null, `Sprawa z wniosku ${app.number} jest zamknięta — nie można wydać w niej nowej decyzji.`),
        h('p', null, h('a', { href: applicationHref(app.id) }, `Wniosek ${app.number}`))));
    return;
  }
  append(ctx.content, householdBackLink(hh), intro, decisionForm(ctx, hh, app, forms, decisions, income, month));
}

function decisionForm(
  ctx: PageContext, hh: Household, app: Application | null, forms: FormOfHelp[], decisions: Decision[],
  income: IncomeAssessment | null, month: string,
): HTMLFormElement {
  const today = todayIso();
  const formsByCode = new Map(forms.map((f) => [f.code, f]));
  const members = [...hh.members].sort((a, b) => (a.relation === 'head' ? -1 : b.relation === 'head' ? 1 : 0));
  const party = app?.applicant.id ?? members[0]?.person.id;
  // The application's forms first: the decision usually answers what was asked for.
  const ordered = [...forms].sort((a, b) => Number(app?.forms.includes(b.code) ?? false) - Number(app?.forms.includes(a.code) ?? false));
  const binding = decisions.filter((d) => inForce(d.state) && d.number);
  const recorded = income !== null && income.items.length > 0;

  const targetField = selectField({
    label: 'Decyzja, której dotyczy', name: 'changes_decision_id', required: true, width: 'full', emptyLabel: 'Wybierz decyzję',
    options: binding.map((d) => [String(d.id), `${d.number} — ${d.form_name}, ${amountText(d, formsByCode.get(d.form))}`]),
    hint: binding.length ? 'Zmienić, wstrzymać albo uchylić można tylko decyzję ostateczną tej samej formy pomocy.' : 'To środowisko nie ma decyzji ostatecznych.',
  });
  const targetPart = h('div', { hidden: true }, targetField);
  const periodTo = inputField({ label: 'Okres do', name: 'period_to', type: 'date', width: 'short',
    hint: 'Zasiłek okresowy przyznaje się na czas określony. Puste — na czas nieokreślony.' });

  const previewId = uid('podglad');
  const preview = h('div', { class: 'preview', id: previewId, 'aria-live': 'polite' });
  const amountField = inputField({ label: 'Kwota w decyzji (zł)', name: 'amount_grosze', width: 'short', inputmode: 'decimal', autocomplete: 'off',
    hint: 'Zostaw puste, aby przyjąć kwotę wyliczoną. Inna kwota musi mieścić się w dopuszczalnym zakresie i wymaga uzasadnienia.' });
  const amountOptional = amountField.querySelector<HTMLElement>('.optional')!;
  const justification = textareaField({ label: 'Uzasadnienie innej kwoty', name: 'amount_justification', rows: 3,
    hint: 'Wymagane, gdy kwota różni się od wyliczonej — co najmniej 10 znaków, np. „Koszty leczenia dziecka (zaświadczenie w aktach)”.' });
  justification.querySelector('textarea')!.classList.add('textarea--prose');
  const amountPart = h('div', null,
    h('h3', { id: `${previewId}-t` }, 'Podgląd kwoty'),
    preview,
    amountField,
    justification);
  preview.setAttribute('aria-labelledby', `${previewId}-t`);

  const ibanInfoId = uid('iban-info');
  const ibanInfo = h('p', { class: 'hint live-check', id: ibanInfoId, 'aria-live': 'polite' });
  const ibanField = inputField({ label: 'Numer rachunku bankowego (IBAN)', name: 'iban', required: true, width: 'full', autocomplete: 'off', spellcheck: false,
    inputmode: 'text', hint: '26 cyfr, z „PL” na początku albo bez; spacje są dozwolone.' });
  const ibanInput = ibanField.querySelector<HTMLInputElement>('input')!;
  ibanInput.setAttribute('aria-describedby', `${ibanInput.getAttribute('aria-describedby')} ${ibanInfoId}`);
  ibanInput.classList.add('input--code');
  const ibanPart = h('div', null, ibanField, ibanInfo);
  const paymentPart = h('div', null,
    h('h2', null, 'Sposób wypłaty'),
    radioGroup('Sposób wypłaty świadczenia', 'payment_method', [
      ['transfer', 'Przelew na rachunek bankowy'], ['cash', 'Wypłata w kasie ośrodka'],
    ], 'transfer'),
    ibanPart);

  const incomeNote = recorded
    ? h('p', null, `Wpisano dochód za ${formatMonth(month)} z zapisanych pozycji dochodu: ${formatMoney(income!.total_grosze)} `,
        `(${income!.persons} os.). `, h('a', { href: incomeHref(hh.id, month) }, 'Dochód i uprawnienia'))
    : h('p', null, `Brak zapisanych pozycji dochodu za ${formatMonth(month)}. Wpisz dochód gospodarstwa albo najpierw `,
        h('a', { href: incomeHref(hh.id, month) }, 'dodaj pozycje dochodu'), '.');

  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Projekt decyzji' },
    h('h2', null, 'Strona i rodzaj decyzji'),
    selectField({
      label: 'Strona decyzji', name: 'person_id', required: true, value: party !== undefined ? String(party) : undefined, width: 'full',
      options: members.map((m) => [String(m.person.id), `${m.person.last_name} ${m.person.first_name} (${label(RELATION_LABELS, m.relation).toLowerCase()})`]),
      hint: app ? 'Zwykle wnioskodawca.' : 'Członek gospodarstwa domowego, do którego decyzja jest skierowana.',
    }),
    radioGroup('Rodzaj decyzji', 'kind', KINDS, 'grant'),
    selectField({
      label: 'Forma pomocy', name: 'form', required: true, width: 'full', value: app?.forms[0],
      options: ordered.map((f) => [f.code, `${f.name} (${f.article})${app?.forms.includes(f.code) ? ' — we wniosku' : ''}`]),
    }),
    targetPart,
    h('h2', null, 'Okres'),
    h('div', { class: 'field-row' },
      inputField({ label: 'Okres od', name: 'period_from', type: 'date', required: true, value: today, width: 'short',
        hint: 'Dla świadczenia jednorazowego — dzień wypłaty.' }),
      periodTo),
    h('h2', null, 'Gospodarstwo domowe i dochód'),
    incomeNote,
    h('div', { class: 'field-row' },
      inputField({ label: 'Liczba osób w gospodarstwie', name: 'household_size', type: 'number', min: 1, max: 30, width: 'short',
        value: income?.persons ?? members.length }),
      inputField({ label: 'Dochód gospodarstwa (zł miesięcznie)', name: 'income_grosze', width: 'short', inputmode: 'decimal',
        autocomplete: 'off', value: recorded ? moneyInput(income!.total_grosze) : '', hint: 'Netto, np. 1 229,00.' })),
    amountPart,
    paymentPart,
    h('h2', null, 'Uzasadnienie'),
    textareaField({ label: 'Uzasadnienie decyzji', name: 'reasoning', rows: 6,
      hint: 'Uzasadnienie faktyczne i prawne. Decyzja inna niż przyznająca musi je zawierać (co najmniej 10 znaków).' }),
    h('div', { class: 'button-group' },
      button('Zapisz projekt decyzji', { type: 'submit' }),
      h('a', { href: app ? applicationHref(app.id) : `/srodowiska/${encodeURIComponent(String(hh.id))}` }, 'Anuluj')));
  form.querySelector('textarea[name=reasoning]')!.classList.add('textarea--prose');

  const field = <T extends HTMLElement>(name: string) => form.querySelector<T>(`[name="${name}"]`)!;
  const checked = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
  const selectedForm = () => formsByCode.get(field<HTMLSelectElement>('form').value);
  const pays = () => PAYING.includes(checked('kind')) && (selectedForm()?.cash ?? false);

  // Which parts apply: the earlier decision for a change; the amount and payment for cash help that is granted or changed;
  // no end of period for one-off help; the account number for a transfer.
  const arrange = () => {
    const f = selectedForm();
    targetPart.hidden = !TARGETED.includes(checked('kind'));
    periodTo.hidden = !!f && f.cash && !f.continuing;
    amountPart.hidden = !pays();
    paymentPart.hidden = !pays();
    ibanPart.hidden = checked('payment_method') !== 'transfer';
  };

  // ---------- live amount preview ----------
  let previewTimer = 0;
  let previewSeq = 0;
  const showPreview = (...content: (Node | string | null)[]) => replaceChildren(preview, ...content);
  const runPreview = async () => {
    const mine = ++previewSeq;
    const f = selectedForm();
    if (!pays() || !f) return;
    const v = formValues(form);
    const size = v.household_size ? Number(v.household_size) : undefined;
    const incomeGrosze = v.income_grosze ? parseMoney(v.income_grosze) : undefined;
    if (incomeGrosze === null) return showPreview(h('p', null, 'Wpisz dochód w złotych, np. 1 229,00 — wtedy pojawi się wyliczenie.'));
    showPreview(h('p', { class: 'muted' }, 'Obliczam kwotę…'));
    try {
      const p = await api.post<AmountPreview>('/decisions/amount-preview', {
        form: f.code, kind: checked('kind'), date: v.period_from || today,
        household_size: size !== undefined && Number.isInteger(size) ? size : undefined, income_grosze: incomeGrosze,
      });
      if (mine !== previewSeq || !ctx.isCurrent()) return;
      amountOptional.hidden = p.required;
      showPreview(...previewView(p, f));
    } catch (err) {
      if (mine !== previewSeq || !ctx.isCurrent()) return;
      const e = toApiError(err);
      const missing = (e.field === 'household_size' && !v.household_size) || (e.field === 'income_grosze' && !v.income_grosze);
      showPreview(missing
        ? h('p', null, 'Podaj liczbę osób w gospodarstwie i jego dochód — wtedy pojawi się wyliczenie kwoty.')
        : notice('warning', h('p', null, e.message)));
    }
  };
  const schedulePreview = (delay: number) => {
    window.clearTimeout(previewTimer);
    previewTimer = window.setTimeout(() => void runPreview(), delay);
  };
  const PREVIEW_INPUTS = ['kind', 'form', 'period_from', 'household_size', 'income_grosze'];
  form.addEventListener('input', (e) => {
    if (PREVIEW_INPUTS.includes((e.target as HTMLInputElement).name)) schedulePreview(500);
  });
  form.addEventListener('change', (e) => {
    const name = (e.target as HTMLInputElement).name;
    arrange();
    if (PREVIEW_INPUTS.includes(name)) schedulePreview(150);
  });

  // ---------- live IBAN check ----------
  let ibanTimer = 0;
  let ibanSeq = 0;
  ibanInput.addEventListener('input', () => {
    window.clearTimeout(ibanTimer);
    const value = ibanInput.value.trim();
    const mine = ++ibanSeq;
    if (!value) { ibanInfo.textContent = ''; return; }
    ibanTimer = window.setTimeout(async () => {
      try {
        const res = await api.get<IbanCheck>(`/rules/validate/iban/${encodeURIComponent(value)}`);
        if (mine !== ibanSeq) return;
        ibanInfo.textContent = res.valid
          ? `Numer rachunku poprawny: ${formatIban(res.normalized ?? value)}.`
          : `Nieprawidłowy numer rachunku: ${res.error ?? 'błędne cyfry kontrolne'}`;
        ibanInfo.classList.toggle('live-check--bad', !res.valid);
      } catch {
        if (mine === ibanSeq) ibanInfo.textContent = '';
      }
    }, 400);
  });

  // ---------- submit ----------
  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const kind = checked('kind');
    const f = selectedForm();
    const errors: FieldError[] = [];
    const size = v.household_size ? Number(v.household_size) : undefined;
    if (size !== undefined && !(Number.isInteger(size) && size >= 1 && size <= 30)) {
      errors.push({ field: 'household_size', message: 'Liczba osób w gospodarstwie to liczba od 1 do 30.' });
    }
    const incomeGrosze = v.income_grosze ? parseMoney(v.income_grosze) : undefined;
    if (incomeGrosze === null) errors.push({ field: 'income_grosze', message: 'Wpisz dochód w złotych, np. 1 229,00.' });
    const amount = pays() && v.amount_grosze ? parseMoney(v.amount_grosze) : undefined;
    if (amount === null) errors.push({ field: 'amount_grosze', message: 'Wpisz kwotę w złotych, np. 1 229,00.' });
    if (!v.period_from) errors.push({ field: 'period_from', message: 'Podaj początek okresu (dla świadczenia jednorazowego — dzień wypłaty).' });
    if (errors.length) return showFormErrors(form, errors);
    const method = pays() ? checked('payment_method') : 'cash';
    const body = {
      application_id: app ? Number(app.id) : undefined, household_id: Number(hh.id), person_id: Number(v.person_id), kind,
      form: f?.code ?? '', period_from: v.period_from, period_to: periodTo.hidden ? undefined : v.period_to || undefined,
      household_size: size, income_grosze: incomeGrosze ?? undefined, amount_grosze: amount ?? undefined,
      amount_justification: pays() ? v.amount_justification ?? '' : '', reasoning: v.reasoning ?? '',
      changes_decision_id: TARGETED.includes(kind) && v.changes_decision_id ? Number(v.changes_decision_id) : undefined,
      payment_method: method, iban: method === 'transfer' ? v.iban ?? '' : '',
    };
    submitButton.disabled = true;
    try {
      const d = await api.post<Decision>('/decisions', body);
      clearFormErrors(form);
      setFlash(decisionHref(d.id),
        `Zapisano projekt decyzji (${label(DECISION_KIND_LABELS, d.kind).toLowerCase()}): ${d.form_name}` +
          (pays() ? `, ${formatMoney(d.amount_grosze)}` : '') + '. Decyzję podpisuje kierownik sekcji albo dyrektor.');
      navigate(decisionHref(d.id));
    } catch (err) {
      const ae = toApiError(err);
      showFormErrors(form, [{ field: API_FIELDS.includes(ae.field) ? ae.field : undefined, message: ae.message }]);
    } finally {
      submitButton.disabled = false;
    }
  });

  arrange();
  void runPreview();
  return form;
}

/** The preview's content: the calculated amount, the allowed range and the calculation lines of the act. */
function previewView(p: AmountPreview, f: FormOfHelp): (HTMLElement | null)[] {
  const per = f.continuing ? ' miesięcznie' : ' jednorazowo';
  const range = `od ${formatMoney(p.min_grosze)} do ${formatMoney(p.max_grosze)}`;
  return [
    p.calculated_grosze !== null
      ? h('p', { class: 'preview__amount' }, 'Kwota wyliczona: ', h('strong', { class: 'nowrap' }, formatMoney(p.calculated_grosze)), per)
      : null,
    p.fixed
      ? h('p', null, 'Wysokość tego świadczenia wynika z ustawy — nie można jej zmienić.')
      : p.max_grosze > 0
        ? h('p', null, p.required ? 'Podaj kwotę w decyzji: ' : 'Dopuszczalny zakres: ', h('strong', null, range), '.')
        : null,
    p.explanation.length
      ? h('div', null, h('p', { class: 'preview__label' }, 'Wyliczenie:'), h('ul', { class: 'preview__lines' }, p.explanation.map((line) => h('li', null, line))))
      : null,
  ];
}

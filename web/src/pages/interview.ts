// Wywiad środowiskowy: a planned interview is completed with the date and the seven parts of the questionnaire
// (POST /interviews/{id}/complete); a completed one is shown read-only. The health part is a restricted category:
// a reader without restricted access gets `health_hidden` and no text, and the page says so.
import { api, ApiError } from '../api';
import { append, h } from '../dom';
import { INTERVIEW_KIND_LABELS, INTERVIEW_STATUS_LABELS, formatDay, label, todayIso } from '../labels';
import type { Application, Household, Interview, Items } from '../model';
import { navigate, type PageContext } from '../router';
import { can } from '../session';
import {
  button, formValues, inputField, notice, section, setFlash, showFormErrors, summaryList, textareaField, takeFlash,
  toApiError, type FieldError,
} from '../ui';
import {
  applicationHref, deadline, householdAddress, householdBackLink, householdHref, householdStreet, loadHousehold,
} from './case-common';

/** The questionnaire parts in the order of the form, with their Polish labels and hints. */
export const INTERVIEW_PARTS: { key: string; label: string; hint: string }[] = [
  { key: 'family', label: 'Sytuacja rodzinna', hint: 'Skład rodziny, relacje, osoby wymagające opieki.' },
  { key: 'housing', label: 'Sytuacja mieszkaniowa', hint: 'Rodzaj i stan mieszkania, tytuł prawny, wyposażenie, zadłużenie.' },
  { key: 'health', label: 'Stan zdrowia (kategoria szczególnie chroniona)', hint: 'Dane o zdrowiu to kategoria szczególnie chroniona (art. 9 RODO) — wpisz tylko to, co jest niezbędne do udzielenia pomocy.' },
  { key: 'income', label: 'Sytuacja dochodowa', hint: 'Źródła i wysokość dochodów, wydatki stałe.' },
  { key: 'reasons', label: 'Przyczyny trudnej sytuacji', hint: 'Okoliczności z art. 7 ustawy o pomocy społecznej stwierdzone w wywiadzie.' },
  { key: 'assessment', label: 'Ocena sytuacji przez pracownika socjalnego', hint: 'Wymagane — bez oceny wywiad jest niekompletny.' },
  { key: 'proposed_help', label: 'Proponowana pomoc', hint: 'Formy pomocy i działania proponowane przez pracownika socjalnego.' },
];

interface Found { interview: Interview; application: Application | null; applications: Application[] }

/** The interview itself (`GET /interviews/{id}`, audited) and, when it belongs to an application, that
 *  application (for its number and the link back). */
async function findInterview(hh: Household, interviewId: string): Promise<Found> {
  const [interview, apps] = await Promise.all([
    api.get<Interview>(`/interviews/${encodeURIComponent(interviewId)}`),
    api.get<Items<Application>>(`/households/${encodeURIComponent(String(hh.id))}/applications`).then((r) => r.items),
  ]);
  if (String(interview.household_id) !== String(hh.id)) throw new ApiError(404, 'not_found', 'Nie znaleziono wywiadu.');
  const application = apps.find((a) => interview.application_id !== null && String(a.id) === String(interview.application_id)) ?? null;
  return { interview, application, applications: apps };
}

export async function renderInterview(ctx: PageContext): Promise<void> {
  const hh = await loadHousehold(ctx, ctx.params.id);
  if (!hh || !ctx.isCurrent()) return;
  const { interview: iv, application: app } = await findInterview(hh, ctx.params.interviewId);
  if (!ctx.isCurrent()) return;
  const kind = label(INTERVIEW_KIND_LABELS, iv.kind);
  ctx.setTitle(`${kind}: ${householdStreet(hh.address)}`);
  const planned = iv.status === 'planned';

  append(ctx.content,
    householdBackLink(hh),
    takeFlash(location.pathname),
    section('Dane wywiadu', summaryList([
      ['Środowisko', householdAddress(hh.address)],
      ['Wniosek', app ? h('a', { href: applicationHref(app.id) }, app.number) : 'Bez wniosku — zmiana sytuacji'],
      ['Rodzaj', kind],
      ['Termin', deadline(iv.due_on, planned)],
      ['Stan', label(INTERVIEW_STATUS_LABELS, iv.status)],
      ...(iv.conducted_on ? [['Data przeprowadzenia', formatDay(iv.conducted_on)] as [string, string]] : []),
    ])),
    iv.status === 'completed' ? section('Kwestionariusz wywiadu', partsView(iv)) : null,
    iv.status === 'cancelled' ? notice('info', h('p', null, 'Ten wywiad anulowano (na przykład wniosek został wycofany).')) : null,
    planned && can('cases.write') ? section('Kwestionariusz wywiadu', interviewForm(ctx, hh, iv, app)) : null,
    planned && !can('cases.write') ? notice('info', h('p', null, 'Wywiad jest zaplanowany. Przeprowadza go pracownik socjalny prowadzący sprawę.')) : null);
}

function partsView(iv: Interview): HTMLElement {
  return h('div', { class: 'parts' }, INTERVIEW_PARTS.map((p) => {
    const text = iv.parts[p.key];
    const body = p.key === 'health' && iv.health_hidden
      ? notice('info', h('p', null, 'Treść ukryta. Stan zdrowia to kategoria szczególnie chroniona, a Twoje konto nie ma dostępu do tej kategorii danych. Jeśli potrzebujesz jej w pracy, poproś kierownika o nadanie dostępu.'))
      : h('p', { class: 'pre-line' }, text ? text : h('span', { class: 'muted' }, 'Nie wypełniono.'));
    return h('div', { class: 'parts__item' }, h('h3', null, p.label), body);
  }));
}

function interviewForm(ctx: PageContext, hh: Household, iv: Interview, app: Application | null): HTMLFormElement {
  const today = todayIso();
  const restricted = ctx.me.restricted_access === true;
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Kwestionariusz wywiadu' },
    inputField({
      label: 'Data przeprowadzenia wywiadu', name: 'conducted_on', type: 'date', required: true, value: today, width: 'short',
      hint: app ? `Nie wcześniej niż data wpływu wniosku (${formatDay(app.received_on)}) i nie później niż dzisiaj.` : 'Nie później niż dzisiaj.',
    }),
    INTERVIEW_PARTS.map((p) => {
      const hint = p.key === 'health' && !restricted
        ? `${p.hint} Twoje konto nie ma dostępu do kategorii szczególnie chronionych: po zapisaniu nie zobaczysz tej części.`
        : p.hint;
      const field = textareaField({ label: p.label, name: `parts.${p.key}`, rows: 4, required: p.key === 'assessment', hint });
      field.querySelector('textarea')!.classList.add('textarea--prose');
      return field;
    }),
    button('Zapisz wywiad', { type: 'submit' }));
  form.querySelector('input[name=conducted_on]')!.setAttribute('max', today);
  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const parts: Record<string, string> = {};
    for (const p of INTERVIEW_PARTS) parts[p.key] = v[`parts.${p.key}`] ?? '';
    const errors: FieldError[] = [];
    if (!v.conducted_on) errors.push({ field: 'conducted_on', message: 'Podaj datę przeprowadzenia wywiadu.' });
    if (!parts.assessment) errors.push({ field: 'parts.assessment', message: 'Wpisz ocenę sytuacji — bez niej wywiad jest niekompletny.' });
    if (errors.length) return showFormErrors(form, errors);
    submitButton.disabled = true;
    try {
      const done = await api.post<Interview>(`/interviews/${encodeURIComponent(String(iv.id))}/complete`, { conducted_on: v.conducted_on, parts });
      // For continuing help the server plans the 6-month update interview: find it to tell the user.
      let planned: Interview | undefined;
      if (app) {
        const fresh = await api.get<Application>(`/applications/${encodeURIComponent(String(app.id))}`).catch(() => null);
        const before = new Set(app.interviews.map((i) => String(i.id)));
        planned = fresh?.interviews.find((i) => !before.has(String(i.id)) && i.status === 'planned');
      }
      const target = app ? applicationHref(app.id) : householdHref(hh.id);
      setFlash(target,
        `Zapisano wywiad przeprowadzony ${formatDay(done.conducted_on)}.` +
          (planned ? ` Zaplanowano aktualizację wywiadu z terminem ${formatDay(planned.due_on)} — pomoc ciągła wymaga aktualizacji co 6 miesięcy.` : ''),
        done.health_hidden ? h('p', null, 'Część „Stan zdrowia” została zapisana, ale nie jest dla Ciebie widoczna — Twoje konto nie ma dostępu do kategorii szczególnie chronionych.') : null);
      navigate(target);
    } catch (err) {
      const ae = toApiError(err);
      const field = ae.field === 'conducted_on' || ae.field.startsWith('parts.') ? ae.field : undefined;
      showFormErrors(form, [{ field, message: ae.message }]);
    } finally {
      submitButton.disabled = false;
    }
  });
  return form;
}

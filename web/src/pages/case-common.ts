// Helpers shared by the case pages (household card, applications, interviews, worklist): links, addresses,
// deadlines in words, and the household loader with the out-of-scope state (API 403 with the server's message).
import { api, ApiError } from '../api';
import { announce, h, replaceChildren, uid } from '../dom';
import { daysBetween, daysLeftText, formatDay, todayIso } from '../labels';
import type { Household, HouseholdAddress, Id } from '../model';
import { navigate, type PageContext } from '../router';
import { button, formValues, inputField, notice, section, showFormErrors, textareaField, toApiError } from '../ui';

const enc = (id: Id) => encodeURIComponent(String(id));
export const householdHref = (id: Id) => `/srodowiska/${enc(id)}`;
export const newApplicationHref = (householdId: Id) => `/srodowiska/${enc(householdId)}/nowy-wniosek`;
export const interviewHref = (householdId: Id, interviewId: Id) => `/srodowiska/${enc(householdId)}/wywiady/${enc(interviewId)}`;
export const applicationHref = (id: Id) => `/wnioski/${enc(id)}`;
export const personHref = (id: Id, householdId?: Id) => `/osoby/${enc(id)}${householdId ? `?srodowisko=${enc(householdId)}` : ''}`;
export const decisionHref = (id: Id) => `/decyzje/${enc(id)}`;
export const mergeHref = (personId: Id) => `/osoby/${enc(personId)}/scalanie`;
export const newDecisionHref = (householdId: Id, applicationId?: Id) =>
  `/srodowiska/${enc(householdId)}/nowa-decyzja${applicationId !== undefined ? `?wniosek=${enc(applicationId)}` : ''}`;
export const newServiceHref = (householdId: Id) => `/srodowiska/${enc(householdId)}/nowa-pomoc`;
export const newSocialWorkHref = (householdId: Id) => `/srodowiska/${enc(householdId)}/praca-socjalna`;
export const incomeHref = (householdId: Id, month?: string) =>
  `/srodowiska/${enc(householdId)}/dochod${month ? `?miesiac=${enc(month)}` : ''}`;
export const paymentListHref = (id: Id) => `/wyplaty/${enc(id)}`;

/** "Ogrodowa 65/23, 20-791 Lublin" */
export function householdAddress(a: HouseholdAddress | null | undefined): string {
  if (!a) return '';
  const line1 = [a.street, [a.building, a.flat].filter(Boolean).join('/')].filter(Boolean).join(' ');
  const line2 = [a.postal_code, a.locality].filter(Boolean).join(' ');
  return [line1, line2].filter(Boolean).join(', ');
}

/**
 * The address of a household as a `fieldset` (data-field "address" for the server's errors about the whole address,
 * e.g. outside the territory); its inputs are named as the API's fields: address.street, address.building…
 */
export function addressFieldset(a: HouseholdAddress | null, hint: string): HTMLElement {
  return h('fieldset', { class: 'fieldset field', 'data-field': 'address' },
    h('legend', { class: 'legend' }, 'Adres środowiska'),
    h('p', { class: 'hint' }, hint),
    h('p', { class: 'field-error', id: uid('e-address'), hidden: true }),
    h('div', { class: 'field-row' },
      inputField({ label: 'Ulica', name: 'address.street', required: true, value: a?.street, autocomplete: 'off' }),
      inputField({ label: 'Numer domu', name: 'address.building', required: true, width: 'short', value: a?.building, autocomplete: 'off' }),
      inputField({ label: 'Numer lokalu', name: 'address.flat', width: 'short', value: a?.flat, autocomplete: 'off' })),
    h('div', { class: 'field-row' },
      inputField({ label: 'Kod pocztowy', name: 'address.postal_code', width: 'short', value: a?.postal_code, autocomplete: 'off', hint: 'NN-NNN' }),
      inputField({ label: 'Miejscowość', name: 'address.locality', required: true, value: a?.locality, autocomplete: 'off' })));
}

/** The address typed into addressFieldset, as the API takes it. */
export function addressValues(form: HTMLFormElement): HouseholdAddress {
  const v = formValues(form);
  return { locality: v['address.locality'], street: v['address.street'], building: v['address.building'], flat: v['address.flat'], postal_code: v['address.postal_code'] };
}

/** "Ogrodowa 65/23" — short form for headings. */
export function householdStreet(a: HouseholdAddress): string {
  return [a.street, [a.building, a.flat].filter(Boolean).join('/')].filter(Boolean).join(' ') || a.locality;
}

/** Tag for a deadline: the words say whether it is overdue ("po terminie 3 dni"); colour only repeats it. */
export function deadlineTag(daysLeft: number): HTMLElement {
  const kind = daysLeft < 0 ? 'red' : daysLeft <= 3 ? 'yellow' : 'grey';
  return h('span', { class: `tag tag--${kind}` }, daysLeftText(daysLeft));
}

/** "10.12.2026 (za 16 dni)" — with the state in words while the task is still open. */
export function deadline(iso: string, open: boolean): HTMLElement {
  return h('span', { class: 'deadline' }, formatDay(iso), open ? [' ', deadlineTag(daysBetween(todayIso(), iso))] : null);
}

/**
 * GET /households/{id}. A 403 (the household is outside the user's sections and not assigned to them) is shown on
 * the page with the server's Polish message and the emergency-access form; the caller gets null then.
 */
export async function loadHousehold(ctx: PageContext, id: string): Promise<Household | null> {
  try {
    return await api.get<Household>(`/households/${encodeURIComponent(id)}`);
  } catch (err) {
    const e = toApiError(err);
    if (e.status !== 403 || !ctx.isCurrent()) throw err;
    renderOutOfScope(ctx, e, id);
    return null;
  }
}

/**
 * GET of a case record (application, decision) that belongs to a household: a 403 (another section's household) shows
 * the out-of-scope state on the page and the caller gets null; other errors go to the page's error handling.
 */
export async function loadInScope<T>(ctx: PageContext, path: string): Promise<T | null> {
  try {
    return await api.get<T>(path);
  } catch (err) {
    const e = toApiError(err);
    if (e.status !== 403 || !ctx.isCurrent()) throw err;
    renderOutOfScope(ctx, e);
    return null;
  }
}

/**
 * The record belongs to another section (API 403): the server's message instead of the generic „Brak dostępu”,
 * and — for a household — the emergency-access form (POST /break-glass) the message speaks of.
 */
export function renderOutOfScope(ctx: PageContext, e: ApiError, householdId?: string): void {
  ctx.setTitle(householdId ? 'Środowisko poza Twoim zakresem' : 'Sprawa poza Twoim zakresem');
  const id = householdId ?? '';
  const form = h('form', { class: 'form', novalidate: true },
    textareaField({
      label: 'Powód dostępu awaryjnego', name: 'reason', required: true, rows: 3,
      hint: 'Co najmniej 10 znaków, np. „Interwencja kryzysowa zgłoszona przez policję, pracownik sekcji nieobecny”. Dostęp trwa 60 minut; powód i każdy odczyt trafiają do dziennika audytu.',
    }),
    button('Uzyskaj dostęp awaryjny', { type: 'submit', kind: 'secondary' }));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement).value.trim();
    if (reason.length < 10) return showFormErrors(form, [{ field: 'reason', message: 'Opisz powód dostępu awaryjnego (co najmniej 10 znaków).' }]);
    try {
      await api.post('/break-glass', { entity: 'household', entity_id: Number(id), reason });
      announce('Przyznano dostęp awaryjny na 60 minut.');
      navigate(location.pathname + location.search, { replace: true });
    } catch (err) {
      showFormErrors(form, [{ field: toApiError(err).field === 'reason' ? 'reason' : undefined, message: toApiError(err).message }]);
    }
  });
  replaceChildren(ctx.content,
    notice('warning', h('p', null, e.message)),
    h('p', null, 'Sprawy środowiska prowadzi sekcja, do której należy jego adres, albo pracownik, któremu środowisko przydzielono. Jeśli to środowisko powinno należeć do Ciebie, poproś kierownika sekcji o przydzielenie.'),
    h('p', null, h('a', { href: '/zadania', class: 'back-link' }, 'Moje zadania')),
    householdId ? h('details', { class: 'details' },
      h('summary', null, 'Sytuacja nagła — dostęp awaryjny'),
      section('Dostęp awaryjny', form)) : null);
}

/** Context line above a case page: back link to the household card. */
export function householdBackLink(hh: Household): HTMLElement {
  return h('p', null, h('a', { href: householdHref(hh.id), class: 'back-link' }, `Karta środowiska: ${householdStreet(hh.address)}`));
}


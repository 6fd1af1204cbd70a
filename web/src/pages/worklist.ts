// Moje zadania (cases.read, the start page for case work): overdue and upcoming interviews and decisions from
// GET /worklist for a horizon of 7/14/30 days (kept in ?dni=), and for managers the counts per worker.
import { api, query } from '../api';
import { append, h, replaceChildren, uid } from '../dom';
import { WORK_KIND_LABELS, formatDay, label, plural } from '../labels';
import type { WorkItem, Worklist } from '../model';
import { navigate, type PageContext } from '../router';
import {
  button, emptyState, inputField, loading, notice, section, showFormErrors, table, toApiError,
} from '../ui';
import { applicationHref, deadlineTag, decisionHref, householdHref, interviewHref } from './case-common';

const HORIZONS = [7, 14, 30];
const MANAGER_ROLES = ['kierownik', 'dyrektor'];

export function renderWorklist(ctx: PageContext): void {
  const requested = Number(ctx.query.get('dni'));
  let days = HORIZONS.includes(requested) ? requested : 14;
  const manager = ctx.me.roles.some((r) => MANAGER_ROLES.includes(r));
  const count = h('p', { class: 'results-count', 'aria-live': 'polite' });
  const results = h('div', { class: 'result' });
  const perWorker = h('div');

  const legendId = uid('okres');
  const filters = h('form', { class: 'form form--filters', 'aria-labelledby': legendId, novalidate: true },
    h('fieldset', { class: 'fieldset' },
      h('legend', { class: 'legend', id: legendId }, 'Pokaż zadania z terminem w ciągu'),
      h('div', { class: 'radio-row' }, HORIZONS.map((d) => {
        const id = uid('dni');
        return h('div', { class: 'checkbox' },
          h('input', { type: 'radio', id, name: 'dni', value: String(d), checked: d === days }),
          h('label', { for: id }, `${d} dni`));
      }))));

  const load = async () => {
    replaceChildren(results, loading('Wczytuję zadania…'));
    count.textContent = '';
    try {
      const list = await api.get<Worklist>(`/worklist${query({ days })}`);
      if (!ctx.isCurrent()) return;
      draw(list);
    } catch (err) {
      if (!ctx.isCurrent()) return;
      replaceChildren(results, notice('error', h('p', null, toApiError(err).message),
        h('p', null, button('Spróbuj ponownie', { kind: 'secondary', onClick: () => void load() }))));
    }
  };

  const draw = (list: Worklist) => {
    const overdue = list.items.filter((i) => i.days_left < 0).length;
    const summary = list.items.length
      ? `${plural(list.items.length, 'zadanie', 'zadania', 'zadań')} do ${formatDay(addDays(list.as_of, list.days))}, w tym po terminie: ${overdue}.`
      : `Brak zadań w tym okresie (do ${formatDay(addDays(list.as_of, list.days))}).`;
    count.textContent = summary;
    // With no tasks the empty-state box says it; the sentence stays for screen readers (live region).
    count.classList.toggle('visually-hidden', !list.items.length);
    replaceChildren(results, list.items.length
      ? table(`Zadania na najbliższe ${list.days} dni (stan na ${formatDay(list.as_of)})`,
          ['Termin', 'Zadanie', 'Pozostało', 'Osoba', 'Adres', 'Wniosek', 'Przejdź do'],
          list.items.map(row), { captionHidden: true })
      : emptyState('Brak zadań w tym okresie', h('p', null, 'Nie ma zaległych ani zbliżających się wywiadów i decyzji. Wybierz dłuższy okres, aby zobaczyć zadania z późniejszym terminem.')));
    if (manager) {
      replaceChildren(perWorker, list.by_worker.length
        ? table('Zadania według pracowników', ['Pracownik', 'Po terminie', 'Nadchodzące', 'Razem'],
            [...list.by_worker].sort((a, b) => b.overdue - a.overdue || a.worker_name.localeCompare(b.worker_name, 'pl'))
              .map((c) => [c.worker_name || '(bez nazwy)', String(c.overdue), String(c.upcoming), String(c.overdue + c.upcoming)]),
            { captionHidden: true })
        : emptyState('Żaden pracownik nie ma zadań w tym okresie.'));
    }
  };

  filters.addEventListener('change', () => {
    const checked = filters.querySelector<HTMLInputElement>('input[name=dni]:checked');
    days = Number(checked?.value ?? 14);
    history.replaceState(null, '', `${location.pathname}${query({ dni: days === 14 ? undefined : days })}`);
    void load();
  });
  filters.addEventListener('submit', (e) => e.preventDefault());

  append(ctx.content,
    h('p', { class: 'lead' }, 'Wywiady środowiskowe i decyzje, których termin minął albo zbliża się — najpilniejsze na górze.'),
    section('Zadania', filters, count, results),
    manager ? section('Zadania według pracowników', perWorker) : null,
    section('Otwórz kartę środowiska', householdJump()));
  void load();
}

function row(w: WorkItem): (string | HTMLElement)[] {
  const isInterview = w.kind.startsWith('interview');
  const who = w.person.name || 'środowisko';
  const links = h('ul', { class: 'plain-list' },
    h('li', null, h('a', { href: householdHref(w.household_id), 'aria-label': `Karta środowiska: ${who}, ${w.address}` }, 'Karta środowiska')),
    isInterview && w.interview_id !== null
      ? h('li', null, h('a', { href: interviewHref(w.household_id, w.interview_id), 'aria-label': `Wywiad: ${who}, termin ${formatDay(w.due_on)}` }, 'Wywiad'))
      : null,
    !isInterview && w.application_id !== null
      ? h('li', null, h('a', { href: applicationHref(w.application_id), 'aria-label': `Wniosek ${w.application_number}: ${who}` }, 'Wniosek'))
      : null,
    w.decision_id !== null && w.decision_id !== undefined
      ? h('li', null, h('a', { href: decisionHref(w.decision_id), 'aria-label': `${w.kind === 'decision_to_sign' ? 'Projekt decyzji do podpisu' : 'Decyzja'}: ${who}` },
          w.kind === 'decision_to_sign' ? 'Projekt decyzji' : 'Decyzja'))
      : null);
  return [
    formatDay(w.due_on),
    label(WORK_KIND_LABELS, w.kind),
    deadlineTag(w.days_left),
    w.person.name || '—',
    w.address || '—',
    w.application_id !== null && w.application_number
      ? h('a', { href: applicationHref(w.application_id) }, w.application_number)
      : w.kind === 'decision_expiring' ? `decyzja ${w.application_number}`
      : w.kind === 'decision_to_sign' ? 'decyzja z urzędu'
      : w.kind.startsWith('contract_review') ? 'kontrakt socjalny'
      : isInterview ? 'bez wniosku (zmiana sytuacji)' : '—',
    links,
  ];
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Households have no list of their own: a worker who knows the number opens the card directly. */
function householdJump(): HTMLFormElement {
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Otwórz kartę środowiska' },
    inputField({
      label: 'Numer środowiska', name: 'numer', required: true, width: 'short', inputmode: 'numeric', autocomplete: 'off',
      hint: 'Numer z karty środowiska lub z akt sprawy.',
    }),
    button('Otwórz kartę', { type: 'submit', kind: 'secondary' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = (form.elements.namedItem('numer') as HTMLInputElement).value.trim();
    if (!/^\d{1,12}$/.test(value) || Number(value) < 1) {
      return showFormErrors(form, [{ field: 'numer', message: 'Numer środowiska to liczba, np. 125.' }]);
    }
    navigate(householdHref(value));
  });
  return form;
}

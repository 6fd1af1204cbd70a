// Moje zadania (cases.read, the start page for case work): overdue and upcoming interviews and decisions from
// GET /worklist for a horizon of 7/14/30 days (kept in ?dni=); for managers the counts per section and per worker,
// and a choice of one section and one worker (kept in ?sekcja= and ?pracownik=).
import { api, query } from '../api';
import { append, h, replaceChildren, uid } from '../dom';
import { WORK_KIND_LABELS, formatDay, label, plural } from '../labels';
import type { SectionCount, WorkCount, WorkItem, Worklist } from '../model';
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
  let sectionId = manager ? ctx.query.get('sekcja') ?? '' : '';
  let workerId = manager ? ctx.query.get('pracownik') ?? '' : '';
  const count = h('p', { class: 'results-count', 'aria-live': 'polite' });
  const results = h('div', { class: 'result' });
  const perWorker = h('div');
  const perSection = h('div');
  // The managers' choice of section and worker: the options come with the counts of the list itself.
  const sectionSelect = h('select', { id: uid('f-sekcja'), name: 'sekcja', class: 'select w-full' });
  const workerSelect = h('select', { id: uid('f-pracownik'), name: 'pracownik', class: 'select w-full' });

  const legendId = uid('okres');
  const filters = h('form', { class: 'form form--filters', 'aria-labelledby': legendId, novalidate: true },
    h('fieldset', { class: 'fieldset' },
      h('legend', { class: 'legend', id: legendId }, 'Pokaż zadania z terminem w ciągu'),
      h('div', { class: 'radio-row' }, HORIZONS.map((d) => {
        const id = uid('dni');
        return h('div', { class: 'checkbox' },
          h('input', { type: 'radio', id, name: 'dni', value: String(d), checked: d === days }),
          h('label', { for: id }, `${d} dni`));
      }))),
    manager
      ? h('div', { class: 'field-row' },
          h('div', { class: 'field', 'data-field': 'section_id' },
            h('label', { class: 'label', for: sectionSelect.id }, 'Sekcja'),
            h('p', { class: 'field-error', id: `${sectionSelect.id}-error`, hidden: true }), sectionSelect),
          h('div', { class: 'field', 'data-field': 'worker_id' },
            h('label', { class: 'label', for: workerSelect.id }, 'Pracownik'),
            h('p', { class: 'field-error', id: `${workerSelect.id}-error`, hidden: true }), workerSelect))
      : null);

  const load = async () => {
    replaceChildren(results, loading('Wczytuję zadania…'));
    count.textContent = '';
    try {
      const list = await api.get<Worklist>(`/worklist${query({ days, section_id: sectionId, worker_id: workerId })}`);
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
      fillChoices(list);
      replaceChildren(perSection, list.by_section.length
        ? table('Zadania według sekcji', ['Sekcja', 'Po terminie', 'Nadchodzące', 'Razem'],
            [...list.by_section].sort((a, b) => (a.section_number ?? 1e9) - (b.section_number ?? 1e9)).map((c) => [
              sectionLabel(c), String(c.overdue), String(c.upcoming), String(c.overdue + c.upcoming)]),
            { captionHidden: true })
        : emptyState('Żadna sekcja nie ma zadań w tym okresie.'));
      replaceChildren(perWorker, list.by_worker.length
        ? table('Zadania według pracowników', ['Pracownik', 'Po terminie', 'Nadchodzące', 'Razem'],
            [...list.by_worker].sort((a, b) => b.overdue - a.overdue || a.worker_name.localeCompare(b.worker_name, 'pl'))
              .map((c) => [c.worker_name || '(bez nazwy)', String(c.overdue), String(c.upcoming), String(c.overdue + c.upcoming)]),
            { captionHidden: true })
        : emptyState('Żaden pracownik nie ma zadań w tym okresie.'));
    }
  };

  /** The choices offered are the sections and workers with tasks (and the one chosen, even if it has none now). */
  const fillChoices = (list: Worklist) => {
    const sections = [...list.by_section].sort((a, b) => (a.section_number ?? 1e9) - (b.section_number ?? 1e9));
    sectionSelect.replaceChildren(h('option', { value: '' }, 'Wszystkie sekcje'),
      ...sections.filter((c) => c.section_id !== null).map((c) => h('option', { value: String(c.section_id), selected: String(c.section_id) === sectionId },
        `${sectionLabel(c)} (${c.overdue + c.upcoming})`)));
    const workers = [...list.by_worker].filter((c: WorkCount) => c.worker_id !== null)
      .sort((a, b) => a.worker_name.localeCompare(b.worker_name, 'pl'));
    workerSelect.replaceChildren(h('option', { value: '' }, sectionId ? 'Wszyscy pracownicy sekcji' : 'Wszyscy pracownicy'),
      ...workers.map((c) => h('option', { value: String(c.worker_id), selected: String(c.worker_id) === workerId },
        `${c.worker_name} (${c.overdue + c.upcoming})`)));
    sectionSelect.value = sectionId;
    workerSelect.value = workers.some((c) => String(c.worker_id) === workerId) ? workerId : '';
  };

  filters.addEventListener('change', (e) => {
    const checked = filters.querySelector<HTMLInputElement>('input[name=dni]:checked');
    days = Number(checked?.value ?? 14);
    if (e.target === sectionSelect) workerId = '';  // another section: its own workers
    else if (manager) workerId = workerSelect.value;
    if (manager) sectionId = sectionSelect.value;
    history.replaceState(null, '', `${location.pathname}${query({
      dni: days === 14 ? undefined : days, sekcja: sectionId || undefined, pracownik: workerId || undefined })}`);
    void load();
  });
  filters.addEventListener('submit', (e) => e.preventDefault());

  append(ctx.content,
    h('p', { class: 'lead' }, 'Wywiady środowiskowe i decyzje, których termin minął albo zbliża się — najpilniejsze na górze.'),
    section('Zadania', filters, count, results),
    manager ? section('Zadania według sekcji', perSection) : null,
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

function sectionLabel(c: SectionCount): string {
  return c.section_id === null ? 'Bez sekcji' : c.section_name || `Sekcja ${c.section_number}`;
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

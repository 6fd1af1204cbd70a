// Scalenie duplikatów (cases.write): the person of the page and a second record of the same person, found by search,
// are shown side by side; the user chooses which record stays, confirms in a dialog, and POST /persons/{keep}/merge
// moves memberships, applications, decisions, payments, income, services and social work to it (the other record
// stays only as a tombstone and disappears from search). The server's refusals (already merged, two households,
// outside the scope) are shown at the choice; a person outside the user's scope shows the out-of-scope state.
import { api } from '../api';
import { append, h, replaceChildren } from '../dom';
import type { Person } from '../model';
import { navigate, type PageContext } from '../router';
import {
  button, confirmDialog, radioGroup, section, setFlash, showApiError, showFormErrors, summaryList, toApiError,
} from '../ui';
import { householdHref, loadInScope, personHref } from './case-common';
import { SEX_LABELS, formatBirthDate, identity, personPicker } from './persons';

const fullName = (p: Person) => `${p.last_name} ${p.first_name}`;

export async function renderPersonMerge(ctx: PageContext): Promise<void> {
  const p = await loadInScope<Person>(ctx, `/persons/${encodeURIComponent(ctx.params.id)}`);
  if (!p) return;
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`Scalenie duplikatów: ${fullName(p)}`);

  const comparison = h('div', { class: 'result' });
  const picker = personPicker({ name: 'duplicate', legend: 'Drugi rekord tej samej osoby', exclude: [p.id], initial: p.last_name });
  const chooseForm = h('form', { class: 'form', novalidate: true, 'aria-label': 'Wskaż duplikat' },
    picker.element,
    button('Porównaj rekordy', { type: 'submit' }));
  chooseForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const other = picker.chosen();
    if (!other) {
      return showFormErrors(chooseForm, [picker.searched() && chooseForm.querySelector('input[name=duplicate]')
        ? { field: 'duplicate', message: 'Wybierz drugi rekord z listy.' }
        : { field: 'duplicate-szukaj', message: 'Wyszukaj drugi rekord tej osoby i wybierz go z listy.' }]);
    }
    try {
      // The full record (address, household) of the chosen person, read like the card reads it.
      const full = await api.get<Person>(`/persons/${encodeURIComponent(String(other.id))}`);
      if (!ctx.isCurrent()) return;
      showComparison(comparison, p, full);
    } catch (err) {
      showApiError(chooseForm, err);
    }
  });

  append(ctx.content,
    h('p', null, h('a', { href: personHref(p.id), class: 'back-link' }, `Karta osoby: ${fullName(p)}`)),
    h('p', { class: 'lead' }, 'Gdy ta sama osoba została zarejestrowana dwa razy, scal oba rekordy w jeden. Dane rekordu usuwanego przechodzą do rekordu zachowanego.'),
    section('Wskaż duplikat', chooseForm),
    comparison);
}

function card(p: Person): HTMLElement {
  return h('div', { class: 'compare__item' },
    h('h3', null, `${fullName(p)} (nr ${p.id})`),
    summaryList([
      ['Identyfikacja', identity(p)],
      ['Data urodzenia', formatBirthDate(p.birth_date)],
      ['Płeć', SEX_LABELS[p.sex] ?? p.sex],
      ['Obywatelstwo', p.citizenship],
      ['Telefon', p.phone],
      ['Adres zameldowania', p.registered_address ?? ''],
      ['Środowisko', p.household_id ? h('a', { href: householdHref(p.household_id) }, `nr ${p.household_id}`) : 'bez środowiska'],
    ]));
}

/** Both records side by side, the choice of the record that stays, and the merge behind a confirm dialog. */
function showComparison(holder: HTMLElement, a: Person, b: Person): void {
  // By default the record with a PESEL stays (the other is then usually one registered by a document).
  const keepDefault = !a.pesel && b.pesel ? String(b.id) : String(a.id);
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Scal rekordy' },
    radioGroup('Który rekord zachować?', 'keep', [a, b].map((p) => [String(p.id), `${fullName(p)} (nr ${p.id})`, identity(p)]), keepDefault,
      'Zachowany rekord przejmuje członkostwa, wnioski, decyzje, wypłaty, dochody, pomoc niepieniężną i pracę socjalną; bez własnego numeru PESEL przejmuje PESEL drugiego. Drugi rekord znika z wyszukiwania.'),
    button('Scal rekordy', { type: 'submit', kind: 'danger' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const keepId = form.querySelector<HTMLInputElement>('input[name=keep]:checked')?.value ?? keepDefault;
    const [keep, gone] = String(a.id) === keepId ? [a, b] : [b, a];
    const yes = await confirmDialog({
      title: 'Scalić rekordy osoby?',
      text: `Rekord ${fullName(gone)} (nr ${gone.id}) zostanie scalony z rekordem ${fullName(keep)} (nr ${keep.id}) i zniknie z wyszukiwania. Scalenia nie można cofnąć.`,
      confirm: 'Scal rekordy',
    });
    if (!yes) return;
    try {
      await api.post<Person>(`/persons/${encodeURIComponent(String(keep.id))}/merge`, { duplicate_id: Number(gone.id) });
      setFlash(personHref(keep.id), `Scalono rekordy: dane rekordu nr ${gone.id} przeniesiono do tej osoby.`);
      navigate(personHref(keep.id));
    } catch (err) {
      const e = toApiError(err);  // "already merged", "two households": about the pair, shown at the choice
      showFormErrors(form, [{ field: e.field === 'duplicate_id' ? 'keep' : e.field || undefined, message: e.message }]);
    }
  });
  replaceChildren(holder, section('Porównanie rekordów',
    h('div', { class: 'compare' }, card(a), card(b)),
    form));
  holder.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
  holder.querySelector<HTMLElement>('h2')?.focus();
}

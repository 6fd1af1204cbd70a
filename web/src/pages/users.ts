// Użytkownicy (users.manage): list, add, edit roles/sections/restricted access, disable, unlock, set password.
import { api } from '../api';
import { announce, append, h, replaceChildren } from '../dom';
import { ROLE_CODES, formatDateTime, roleLabel } from '../labels';
import type { AddressLock, Id, Items, Role, Section, User } from '../model';
import { navigate, type PageContext } from '../router';
import { sectionLabel } from './org-common';
import { can, me } from '../session';
import {
  button, checkbox, checkboxGroup, checkedValues, confirmDialog, emptyState, formValues, inputField, notice, section,
  showApiError, showFormErrors, summaryList, table, tag, toApiError, type FieldError,
} from '../ui';


const PASSWORD_HINT = 'Co najmniej 12 znaków, inne niż login, i co najmniej 3 z 4 rodzajów znaków: małe litery, wielkie litery, cyfry, znaki specjalne.';

function userHref(id: Id): string { return `/uzytkownicy/${encodeURIComponent(String(id))}`; }

function isLocked(u: User): boolean { return u.locked_until !== null && u.locked_until > Date.now(); }

function stateTags(u: User): HTMLElement[] {
  const tags: HTMLElement[] = [];
  if (u.disabled) tags.push(tag('Wyłączone', 'red'));
  if (isLocked(u)) tags.push(tag(`Zablokowane do ${formatDateTime(u.locked_until)}`, 'yellow'));
  if (!u.disabled && !isLocked(u)) tags.push(tag('Aktywne', 'green'));
  if (u.restricted_access) tags.push(tag('Dostęp do danych szczególnie chronionych', 'blue'));
  return tags;
}

async function loadRolesAndSections(): Promise<{ roles: [string, string][]; sections: [string, string][] }> {
  const [roles, sections] = await Promise.all([
    api.get<Items<Role>>('/roles').catch(() => ({ items: ROLE_CODES.map((code) => ({ code, name: roleLabel(code), permissions: [] })) })),
    can('org.read') ? api.get<Items<Section>>('/sections') : Promise.resolve({ items: [] as Section[] }),
  ]);
  return {
    roles: roles.items.map((r) => [r.code, r.name || roleLabel(r.code)]),
    sections: sections.items.map((s) => [String(s.id), sectionLabel(s)]),
  };
}

function addressState(l: AddressLock): HTMLElement {
  if (l.locked) return tag(`Zablokowany do ${formatDateTime(l.locked_until)}`, 'red');
  return tag('Spowolniony', 'yellow');  // a wait of seconds: a time to the minute would only mislead
}

/** Addresses now slowed down or locked after failed logins into this centre's accounts, each with „Odblokuj adres”. */
function addressLocksSection(initial: AddressLock[]): HTMLElement {
  let locks = initial;
  const status = h('div', { class: 'status-area' });
  const holder = h('div');
  const draw = () => replaceChildren(holder, locks.length
    ? table(`Adresy po nieudanych logowaniach (${locks.length})`, ['Adres', 'Nieudane próby', 'Pierwsza próba', 'Stan', 'Działania'],
        locks.map((l) => [
          l.address, String(l.failures), formatDateTime(l.window_start), addressState(l),
          liftButton(l.address),
        ]))
    : emptyState('Żaden adres nie jest teraz spowolniony ani zablokowany po nieudanych logowaniach.'));
  const liftButton = (address: string) => {
    const b = button('Odblokuj adres', { kind: 'secondary', onClick: () => void lift(address) });
    b.setAttribute('aria-label', `Odblokuj adres ${address}`);  // the visible text, then which address
    return b;
  };
  const lift = async (address: string) => {
    try {
      await api.del(`/security/address-locks/${encodeURIComponent(address)}`);
      locks = locks.filter((l) => l.address !== address);
      draw();
      replaceChildren(status, notice('success', h('p', null, `Adres ${address} został odblokowany.`)));
    } catch (err) { replaceChildren(status, notice('error', h('p', null, toApiError(err).message))); }
  };
  draw();
  return section('Adresy spowolnione lub zablokowane',
    h('p', { class: 'hint' }, 'Adresy, z których w ostatnich 15 minutach wiele razy nie udało się zalogować na konta ośrodka. '
      + 'Od 10. nieudanej próby każda kolejna musi odczekać, 30. blokuje adres na 15 minut.'),
    status, holder);
}

export async function renderUsers(ctx: PageContext): Promise<void> {
  const [users, sections, addressLocks] = await Promise.all([
    api.get<Items<User>>('/users'),
    can('org.read') ? api.get<Items<Section>>('/sections') : Promise.resolve({ items: [] as Section[] }),
    api.get<Items<AddressLock>>('/security/address-locks'),
  ]);
  if (!ctx.isCurrent()) return;
  const sectionName = new Map(sections.items.map((s) => [String(s.id), `nr ${s.number}`]));
  const sorted = [...users.items].sort((a, b) => a.login.localeCompare(b.login, 'pl'));
  append(ctx.content, 
    h('p', null, h('a', { href: '/uzytkownicy/nowy', class: 'button button--primary' }, 'Dodaj użytkownika')),
    sorted.length
      ? table(`Konta użytkowników (${sorted.length})`, ['Login', 'Imię i nazwisko', 'Role', 'Sekcje', 'Stan', 'Działania'],
          sorted.map((u) => [
            u.login, u.full_name, u.roles.map(roleLabel).join(', ') || '—',
            u.section_ids.map((id) => sectionName.get(String(id)) ?? String(id)).join(', ') || '—',
            h('span', { class: 'tag-list' }, stateTags(u)),
            h('a', { href: userHref(u.id), 'aria-label': `Zarządzaj kontem ${u.login}` }, 'Zarządzaj'),
          ]))
      : emptyState('Brak kont użytkowników.'),
    addressLocksSection(addressLocks.items),
  );
}

export async function renderUserNew(ctx: PageContext): Promise<void> {
  const { roles, sections } = await loadRolesAndSections();
  if (!ctx.isCurrent()) return;
  const form = h('form', { class: 'form', novalidate: true },
    inputField({ label: 'Login', name: 'login', required: true, autocomplete: 'off', spellcheck: false, hint: 'Małe litery, cyfry, kropka lub podkreślenie.' }),
    inputField({ label: 'Imię i nazwisko', name: 'full_name', required: true, autocomplete: 'off', width: 'full' }),
    inputField({ label: 'Hasło początkowe', name: 'password', type: 'password', required: true, autocomplete: 'new-password', hint: PASSWORD_HINT }),
    checkboxGroup('Role', 'roles', roles, [], 'Zaznacz co najmniej jedną rolę.'),
    checkboxGroup('Sekcje', 'section_ids', sections, []),
    checkbox('Dostęp do danych szczególnie chronionych', 'restricted_access', false, 'on',
      'Np. procedura Niebieskiej Karty, uzależnienia, zdrowie. Nadawaj tylko, gdy wymaga tego zakres obowiązków.'),
    h('div', { class: 'button-group' },
      button('Utwórz konto', { type: 'submit' }),
      h('a', { href: '/uzytkownicy', class: 'button button--secondary' }, 'Anuluj')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const chosenRoles = checkedValues(form, 'roles');
    const errors: FieldError[] = [];
    if (!v.login) errors.push({ field: 'login', message: 'Wpisz login.' });
    if (!v.full_name) errors.push({ field: 'full_name', message: 'Wpisz imię i nazwisko.' });
    if (!v.password) errors.push({ field: 'password', message: 'Wpisz hasło początkowe.' });
    if (!chosenRoles.length) errors.push({ field: 'roles', message: 'Zaznacz co najmniej jedną rolę.' });
    if (errors.length) return showFormErrors(form, errors);
    try {
      const created = await api.post<User>('/users', {
        login: v.login, full_name: v.full_name, password: v.password, roles: chosenRoles,
        section_ids: sectionIds(checkedValues(form, 'section_ids')), restricted_access: Boolean(v.restricted_access),
      });
      announce(`Utworzono konto ${v.login}.`);
      navigate(created?.id !== undefined ? `${userHref(created.id)}?utworzono=1` : '/uzytkownicy');
    } catch (err) {
      showApiError(form, err);
    }
  });
  append(ctx.content, h('p', null, h('a', { href: '/uzytkownicy', class: 'back-link' }, 'Wszyscy użytkownicy')), form);
}

/** Section ids go back to the API as numbers when they look like numbers. */
function sectionIds(values: string[]): Id[] {
  return values.map((v) => (/^\d+$/.test(v) ? Number(v) : v));
}

export async function renderUserEdit(ctx: PageContext): Promise<void> {
  const [users, options] = await Promise.all([api.get<Items<User>>('/users'), loadRolesAndSections()]);
  if (!ctx.isCurrent()) return;
  let user = users.items.find((u) => String(u.id) === ctx.params.id);
  if (!user) {
    ctx.setTitle('Nie znaleziono użytkownika');
    append(ctx.content, h('p', null, 'Nie ma konta o tym identyfikatorze.'), h('p', null, h('a', { href: '/uzytkownicy' }, 'Wróć do listy użytkowników')));
    return;
  }
  const uid = user.id;
  const path = `/users/${encodeURIComponent(String(uid))}`;
  const isSelf = String(uid) === String(me()?.id);
  ctx.setTitle(`Konto: ${user.full_name || user.login}`);
  const status = h('div', { class: 'status-area' });
  const stateHolder = h('div');
  const say = (kind: 'success' | 'error', text: string) => {
    replaceChildren(status, notice(kind, h('p', null, text)));
    status.scrollIntoView({ block: 'nearest' });
  };

  const drawState = () => {
    const u = user!;
    replaceChildren(stateHolder,
      summaryList([
        ['Login', u.login],
        ['Stan', h('span', { class: 'tag-list' }, stateTags(u))],
        ['Nieudane logowania', String(u.failed_logins ?? 0)],
        ['Utworzono', formatDateTime(u.created_at)],
      ]),
      h('div', { class: 'button-group' },
        isLocked(u) || u.failed_logins > 0 ? button('Odblokuj konto', { kind: 'secondary', onClick: () => void unlock() }) : null,
        isSelf ? null : u.disabled
          ? button('Włącz konto', { kind: 'secondary', onClick: () => void setDisabled(false) })
          : button('Wyłącz konto', { kind: 'danger', onClick: () => void setDisabled(true) })));
  };
  const unlock = async () => {
    try {
      await api.post(`${path}/unlock`);
      user = { ...user!, locked_until: null, failed_logins: 0 };
      drawState();
      say('success', 'Konto zostało odblokowane.');
    } catch (err) { say('error', toApiError(err).message); }
  };
  const setDisabled = async (disabled: boolean) => {
    if (disabled) {
      const ok = await confirmDialog({
        title: 'Wyłączyć konto?', text: `Użytkownik ${user!.login} nie będzie mógł się zalogować, a jego sesje i tokeny przestaną działać.`, confirm: 'Wyłącz konto',
      });
      if (!ok) return;
    }
    try {
      user = await api.patch<User>(path, { disabled });
      drawState();
      say('success', disabled ? 'Konto zostało wyłączone.' : 'Konto zostało włączone.');
    } catch (err) { say('error', toApiError(err).message); }
  };
  drawState();

  const editForm = h('form', { class: 'form', novalidate: true },
    inputField({ label: 'Imię i nazwisko', name: 'full_name', required: true, value: user.full_name, width: 'full' }),
    checkboxGroup('Role', 'roles', options.roles, user.roles),
    checkboxGroup('Sekcje', 'section_ids', options.sections, user.section_ids.map(String)),
    checkbox('Dostęp do danych szczególnie chronionych', 'restricted_access', user.restricted_access, 'on',
      'Np. procedura Niebieskiej Karty, uzależnienia, zdrowie.'),
    button('Zapisz zmiany', { type: 'submit' }));
  editForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(editForm);
    const roles = checkedValues(editForm, 'roles');
    const errors: FieldError[] = [];
    if (!v.full_name) errors.push({ field: 'full_name', message: 'Wpisz imię i nazwisko.' });
    if (!roles.length) errors.push({ field: 'roles', message: 'Zaznacz co najmniej jedną rolę.' });
    if (errors.length) return showFormErrors(editForm, errors);
    try {
      user = await api.patch<User>(path, {
        full_name: v.full_name, roles, section_ids: sectionIds(checkedValues(editForm, 'section_ids')),
        restricted_access: Boolean(v.restricted_access),
      });
      editForm.querySelector(':scope > .error-summary')?.remove();
      drawState();
      say('success', 'Zapisano zmiany konta.');
    } catch (err) { showApiError(editForm, err); }
  });

  const passwordForm = h('form', { class: 'form', novalidate: true },
    inputField({ label: 'Nowe hasło', name: 'password', type: 'password', required: true, autocomplete: 'new-password', hint: PASSWORD_HINT }),
    inputField({ label: 'Powtórz nowe hasło', name: 'password2', type: 'password', required: true, autocomplete: 'new-password' }),
    button('Ustaw hasło', { type: 'submit' }));
  passwordForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(passwordForm);
    if (!v.password) return showFormErrors(passwordForm, [{ field: 'password', message: 'Wpisz nowe hasło.' }]);
    if (v.password !== v.password2) return showFormErrors(passwordForm, [{ field: 'password2', message: 'Hasła nie są takie same.' }]);
    try {
      await api.post(`${path}/password`, { password: v.password });
      passwordForm.reset();
      passwordForm.querySelector(':scope > .error-summary')?.remove();
      say('success', 'Ustawiono nowe hasło. Przekaż je użytkownikowi bezpiecznym kanałem.');
    } catch (err) { showApiError(passwordForm, err); }
  });

  append(ctx.content, 
    h('p', null, h('a', { href: '/uzytkownicy', class: 'back-link' }, 'Wszyscy użytkownicy')),
    ctx.query.has('utworzono') ? notice('success', h('p', null, 'Utworzono konto.')) : null,
    status,
    section('Stan konta', stateHolder),
    section('Role, sekcje i dostęp', editForm),
    section('Hasło', passwordForm),
  );
}

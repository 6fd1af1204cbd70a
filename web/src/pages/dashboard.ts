// Pulpit: who am I, my roles and sections, and what my permissions let me do.
import { append, h } from '../dom';
import { PERMISSION_LABELS, roleLabel } from '../labels';
import type { PageContext } from '../router';
import { can } from '../session';
import { emptyState, section, summaryList } from '../ui';

interface Task { href: string; title: string; text: string; permission: string }

const TASKS: Task[] = [
  { href: '/zadania', title: 'Moje zadania', text: 'Zaległe i zbliżające się wywiady środowiskowe i decyzje.', permission: 'cases.read' },
  { href: '/osoby', title: 'Osoby', text: 'Wyszukiwanie i rejestracja osób przed założeniem sprawy.', permission: 'cases.read' },
  { href: '/wyplaty', title: 'Listy wypłat', text: 'Wypłaty świadczeń z decyzji ostatecznych: listy, pliki dla banku i kasy, potwierdzenia.', permission: 'payments.read' },
  { href: '/organizacja', title: 'Organizacja ośrodka', text: 'Dane ośrodka, piony, działy, filie i jednostki specjalistyczne z ich ofertą.', permission: 'org.read' },
  { href: '/sekcje', title: 'Sekcje pracy socjalnej', text: 'Sekcje i przypisane im ulice (terytorium).', permission: 'org.read' },
  { href: '/terytorium', title: 'Terytorium', text: 'Sprawdź, która sekcja obsługuje adres; wykryj nakładające się zakresy i luki w numeracji.', permission: 'org.read' },
  { href: '/uzytkownicy', title: 'Użytkownicy', text: 'Konta pracowników, role, sekcje, blokady i hasła.', permission: 'users.manage' },
  { href: '/audyt', title: 'Dziennik audytu', text: 'Kto, kiedy i w jakim celu korzystał z danych osobowych; kontrola integralności.', permission: 'audit.read' },
  { href: '/tokeny', title: 'Moje tokeny API', text: 'Tokeny dostępu dla integracji i skryptów.', permission: 'tokens.own' },
];

export function renderDashboard(ctx: PageContext): void {
  const { me } = ctx;
  ctx.setTitle(`Dzień dobry, ${me.full_name || me.login}`);
  const tasks = TASKS.filter((t) => can(t.permission));
  const sectionLinks = me.sections.length
    ? h('ul', { class: 'plain-list' }, me.sections.map((s) =>
        h('li', null, can('org.read') ? h('a', { href: `/sekcje/${encodeURIComponent(String(s.id))}` }, s.name) : s.name)))
    : 'Brak przypisanych sekcji';
  const permissions = me.permissions.map((p) => PERMISSION_LABELS[p] ?? p);

  append(ctx.content, 
    section('Twoje konto', summaryList([
      ['Login', me.login],
      ['Ośrodek', me.centre?.name ?? ''],
      ['Role', me.roles.map(roleLabel).join(', ') || 'Brak ról'],
      ['Sekcje', sectionLinks],
      ['Uprawnienia', permissions.join(', ') || 'Brak uprawnień'],
    ])),
    section('Co możesz zrobić',
      tasks.length
        ? h('ul', { class: 'card-list' }, tasks.map((t) =>
            h('li', { class: 'card' },
              h('h3', { class: 'card__title' }, h('a', { href: t.href }, t.title)),
              h('p', null, t.text))))
        : emptyState('Twoje role nie dają dostępu do żadnego modułu. Jeśli to pomyłka, skontaktuj się z administratorem ośrodka.')),
  );
}

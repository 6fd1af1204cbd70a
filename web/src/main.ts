// Entry point: routes, navigation and the permission each page needs (docs/ui.md).
import './styles.css';
import { startApp, type NavItem } from './app';
import type { Route } from './router';
import { renderAudit } from './pages/audit';
import { renderDashboard } from './pages/dashboard';
import { renderLogin } from './pages/login';
import { renderPersons } from './pages/persons';
import { renderOrganisation } from './pages/organisation';
import { renderSectionDetail } from './pages/section-detail';
import { renderSections } from './pages/sections';
import { deniedRoute, notFoundRoute } from './pages/status-pages';
import { renderTerritory } from './pages/territory';
import { renderTokens } from './pages/tokens';
import { renderUserEdit, renderUserNew, renderUsers } from './pages/users';

const routes: Route[] = [
  { path: '/logowanie', title: 'Logowanie', public: true, render: renderLogin },
  { path: '/', title: 'Pulpit', render: renderDashboard },
  { path: '/organizacja', title: 'Organizacja ośrodka', permission: 'org.read', render: renderOrganisation },
  { path: '/sekcje', title: 'Sekcje pracy socjalnej', permission: 'org.read', render: renderSections },
  { path: '/sekcje/:id', title: 'Sekcja pracy socjalnej', permission: 'org.read', render: renderSectionDetail },
  { path: '/terytorium', title: 'Terytorium', permission: 'org.read', render: renderTerritory },
  { path: '/osoby', title: 'Osoby', permission: 'cases.read', render: renderPersons },
  { path: '/uzytkownicy', title: 'Użytkownicy', permission: 'users.manage', render: renderUsers },
  { path: '/uzytkownicy/nowy', title: 'Nowy użytkownik', permission: 'users.manage', render: renderUserNew },
  { path: '/uzytkownicy/:id', title: 'Konto użytkownika', permission: 'users.manage', render: renderUserEdit },
  { path: '/audyt', title: 'Dziennik audytu', permission: 'audit.read', render: renderAudit },
  { path: '/tokeny', title: 'Moje tokeny API', permission: 'tokens.own', render: renderTokens },
];

const nav: NavItem[] = [
  { href: '/', label: 'Pulpit' },
  { href: '/organizacja', label: 'Organizacja', permission: 'org.read' },
  { href: '/sekcje', label: 'Sekcje', permission: 'org.read' },
  { href: '/terytorium', label: 'Terytorium', permission: 'org.read' },
  { href: '/osoby', label: 'Osoby', permission: 'cases.read' },
  { href: '/uzytkownicy', label: 'Użytkownicy', permission: 'users.manage' },
  { href: '/audyt', label: 'Dziennik audytu', permission: 'audit.read' },
  { href: '/tokeny', label: 'Tokeny API', permission: 'tokens.own' },
];

startApp(routes, nav, { notFound: notFoundRoute, denied: deniedRoute });

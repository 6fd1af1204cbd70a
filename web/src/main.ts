// Entry point: routes, navigation and the permission each page needs (docs/ui.md).
import './styles.css';
import { startApp, type NavItem } from './app';
import type { Route } from './router';
import { renderApplication } from './pages/application';
import { renderApplicationNew } from './pages/application-new';
import { renderAudit } from './pages/audit';
import { renderDashboard } from './pages/dashboard';
import { renderDecision } from './pages/decision';
import { renderDecisionNew } from './pages/decision-new';
import { renderHousehold } from './pages/household';
import { renderIncome } from './pages/income';
import { renderNewService } from './pages/service-new';
import { renderServiceDelivery } from './pages/service-delivery';
import { renderNewSocialWork } from './pages/social-work-new';
import { renderContractReview } from './pages/contract-review';
import { renderDecisionTemplates } from './pages/decision-templates';
import { renderGmina } from './pages/gmina';
import { renderInterview } from './pages/interview';
import { renderLogin } from './pages/login';
import { renderPerson } from './pages/person';
import { renderPersons } from './pages/persons';
import { renderPersonMerge } from './pages/person-merge';
import { renderOrganisation } from './pages/organisation';
import { renderPaymentList, renderPaymentLists } from './pages/payment-lists';
import { renderSectionDetail } from './pages/section-detail';
import { renderSections } from './pages/sections';
import { renderStatistics } from './pages/statistics';
import { deniedRoute, notFoundRoute } from './pages/status-pages';
import { renderTerritory } from './pages/territory';
import { renderTokens } from './pages/tokens';
import { renderUserEdit, renderUserNew, renderUsers } from './pages/users';
import { renderWorklist } from './pages/worklist';
import { can } from './session';

const routes: Route[] = [
  { path: '/logowanie', title: 'Logowanie', public: true, render: renderLogin },
  // The start page: case workers begin with their tasks, everyone else with the dashboard.
  { path: '/', title: 'Pulpit', redirect: () => (can('cases.read') ? '/zadania' : '/pulpit'), render: () => {} },
  { path: '/pulpit', title: 'Pulpit', render: renderDashboard },
  { path: '/zadania', title: 'Moje zadania', permission: 'cases.read', render: renderWorklist },
  { path: '/organizacja', title: 'Organizacja ośrodka', permission: 'org.read', render: renderOrganisation },
  { path: '/szablony-decyzji', title: 'Szablony decyzji', permission: 'org.templates', render: renderDecisionTemplates },
  { path: '/uchwaly-gminy', title: 'Uchwały gminy', permission: 'gmina.read', render: renderGmina },
  { path: '/sekcje', title: 'Sekcje pracy socjalnej', permission: 'org.read', render: renderSections },
  { path: '/sekcje/:id', title: 'Sekcja pracy socjalnej', permission: 'org.read', render: renderSectionDetail },
  { path: '/terytorium', title: 'Terytorium', permission: 'org.read', render: renderTerritory },
  { path: '/osoby', title: 'Osoby', permission: 'cases.read', render: renderPersons },
  { path: '/osoby/:id', title: 'Osoba', permission: 'cases.read', render: renderPerson },
  { path: '/osoby/:id/scalanie', title: 'Scalenie duplikatów', permission: 'cases.write', render: renderPersonMerge },
  { path: '/srodowiska/:id', title: 'Karta środowiska', permission: 'cases.read', render: renderHousehold },
  { path: '/srodowiska/:id/nowy-wniosek', title: 'Nowy wniosek', permission: 'cases.write', render: renderApplicationNew },
  { path: '/srodowiska/:id/wywiady/:interviewId', title: 'Wywiad środowiskowy', permission: 'cases.read', render: renderInterview },
  { path: '/srodowiska/:id/nowa-decyzja', title: 'Nowa decyzja', permission: 'decisions.write', render: renderDecisionNew },
  { path: '/srodowiska/:id/dochod', title: 'Dochód gospodarstwa', permission: 'cases.read', render: renderIncome },
  { path: '/srodowiska/:id/nowa-pomoc', title: 'Pomoc niepieniężna', permission: 'cases.write', render: renderNewService },
  { path: '/srodowiska/:id/pomoc/:serviceId/ilosc', title: 'Dopisz ilość', permission: 'cases.write', render: renderServiceDelivery },
  { path: '/srodowiska/:id/praca-socjalna', title: 'Praca socjalna', permission: 'cases.write', render: renderNewSocialWork },
  { path: '/srodowiska/:id/kontrakty/:contractId/ocena', title: 'Ocena kontraktu socjalnego', permission: 'cases.write', render: renderContractReview },
  { path: '/wnioski/:id', title: 'Wniosek', permission: 'cases.read', render: renderApplication },
  { path: '/decyzje/:id', title: 'Decyzja', permission: 'cases.read', render: renderDecision },
  { path: '/statystyka', title: 'Statystyka', permission: 'stats.read', render: renderStatistics },
  { path: '/wyplaty', title: 'Listy wypłat', permission: 'payments.read', render: renderPaymentLists },
  { path: '/wyplaty/:id', title: 'Lista wypłat', permission: 'payments.read', render: renderPaymentList },
  { path: '/uzytkownicy', title: 'Użytkownicy', permission: 'users.manage', render: renderUsers },
  { path: '/uzytkownicy/nowy', title: 'Nowy użytkownik', permission: 'users.manage', render: renderUserNew },
  { path: '/uzytkownicy/:id', title: 'Konto użytkownika', permission: 'users.manage', render: renderUserEdit },
  { path: '/audyt', title: 'Dziennik audytu', permission: 'audit.read', render: renderAudit },
  { path: '/tokeny', title: 'Moje tokeny API', permission: 'tokens.own', render: renderTokens },
];

const nav: NavItem[] = [
  { href: '/zadania', label: 'Moje zadania', permission: 'cases.read' },
  { href: '/pulpit', label: 'Pulpit' },
  { href: '/organizacja', label: 'Organizacja', permission: 'org.read' },
  { href: '/szablony-decyzji', label: 'Szablony decyzji', permission: 'org.templates' },
  { href: '/uchwaly-gminy', label: 'Uchwały gminy', permission: 'gmina.read' },
  { href: '/sekcje', label: 'Sekcje', permission: 'org.read' },
  { href: '/terytorium', label: 'Terytorium', permission: 'org.read' },
  { href: '/osoby', label: 'Osoby', permission: 'cases.read' },
  { href: '/wyplaty', label: 'Wypłaty', permission: 'payments.read' },
  { href: '/statystyka', label: 'Statystyka', permission: 'stats.read' },
  { href: '/uzytkownicy', label: 'Użytkownicy', permission: 'users.manage' },
  { href: '/audyt', label: 'Dziennik audytu', permission: 'audit.read' },
  { href: '/tokeny', label: 'Tokeny API', permission: 'tokens.own' },
];

startApp(routes, nav, { notFound: notFoundRoute, denied: deniedRoute });

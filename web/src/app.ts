// Application shell (header, navigation, main) and the render loop: session → route → permission → page.
import { api, ApiError, setUnauthenticatedHandler } from './api';
import { h, announce, replaceChildren } from './dom';
import { roleLabel } from './labels';
import type { Me } from './model';
import { matchRoute, navigate, startRouter, type PageContext, type Route } from './router';
import { can, clearSession, isLoaded, loadSession, me } from './session';
import { button, notice, toApiError } from './ui';

export interface NavItem { href: string; label: string; permission?: string }

let renderSeq = 0;
let firstRender = true;

export function startApp(routes: Route[], nav: NavItem[], fallback: { notFound: Route; denied: Route }): void {
  const root = document.getElementById('app')!;

  setUnauthenticatedHandler(() => {
    // The session expired mid-work: go to the login page and come back here afterwards.
    if (!me()) return;
    clearSession();
    const back = location.pathname + location.search;
    navigate(`/logowanie?powrot=${encodeURIComponent(back)}&wygasla=1`, { replace: true });
  });

  async function render(): Promise<void> {
    const seq = ++renderSeq;
    const isCurrent = () => seq === renderSeq;
    const path = location.pathname;
    if (!isLoaded()) {
      try {
        await loadSession();
      } catch (err) {
        if (!isCurrent()) return;
        return renderFatal(root, toApiError(err), render);
      }
      if (!isCurrent()) return;
    }
    const user = me();
    const matched = matchRoute(routes, path);
    if (!user && !matched?.route.public) {
      const back = path === '/' ? '' : `?powrot=${encodeURIComponent(path + location.search)}`;
      return navigate(`/logowanie${back}`, { replace: true });
    }
    if (user && matched?.route.public) return navigate('/', { replace: true });

    let route = matched?.route ?? fallback.notFound;
    if (matched && !can(route.permission)) route = fallback.denied;
    if (route.redirect) return navigate(route.redirect(), { replace: true });

    const heading = h('h1', { tabindex: -1, class: 'page-title' }, route.title);
    const content = h('div', { class: 'page-content' });
    const main = h('main', { id: 'tresc', tabindex: -1, class: 'main' }, heading, content);
    const navEl = user ? renderNav(nav, path) : null;
    replaceChildren(root, renderHeader(user), navEl, h('div', { class: 'container' }, main), renderFooter());
    const setTitle = (title: string) => {
      heading.textContent = title;
      document.title = `${title} – Ostoja`;
    };
    setTitle(route.title);
    if (!firstRender) heading.focus();
    firstRender = false;

    const ctx: PageContext = {
      params: matched?.params ?? {}, query: new URLSearchParams(location.search), content, me: user!, setTitle, isCurrent,
    };
    content.setAttribute('aria-busy', 'true');
    try {
      await route.render(ctx);
    } catch (err) {
      if (!isCurrent()) return;
      const e = toApiError(err);
      if (e.status === 401) return; // handled by the unauthenticated handler
      const replacement = e.status === 403 ? fallback.denied : e.status === 404 ? fallback.notFound : null;
      if (replacement) {
        setTitle(replacement.title);
        content.replaceChildren();
        await replacement.render(ctx);
      } else {
        content.replaceChildren(errorView(e, render));
      }
    } finally {
      content.removeAttribute('aria-busy');
    }
  }

  startRouter(() => { void render(); });
}

function renderHeader(user: Me | null): HTMLElement {
  const logout = async () => {
    try {
      await api.post('/auth/logout');
    } catch (err) {
      // Even if the server is unreachable, forget the session locally; the cookie expires server-side.
      if (!(err instanceof ApiError)) throw err;
    }
    clearSession();
    navigate('/logowanie?wylogowano=1');
    announce('Wylogowano z systemu.');
  };
  return h('header', { class: 'header' },
    h('div', { class: 'header__inner' },
      h('a', { href: '/', class: 'header__logo' },
        h('span', { class: 'header__mark', 'aria-hidden': 'true' }, 'O'),
        h('span', null, 'Ostoja', h('span', { class: 'header__subtitle' }, user?.centre?.name ?? 'System ośrodka pomocy społecznej'))),
      user
        ? h('div', { class: 'header__user' },
            h('p', { class: 'header__who' },
              h('span', { class: 'visually-hidden' }, 'Zalogowano jako: '),
              h('strong', null, user.full_name || user.login),
              h('span', { class: 'header__roles' }, user.roles.map(roleLabel).join(', '))),
            button('Wyloguj się', { kind: 'secondary', onClick: () => void logout() }))
        : null));
}

function renderNav(items: NavItem[], path: string): HTMLElement {
  const visible = items.filter((i) => can(i.permission));
  return h('nav', { class: 'nav', 'aria-label': 'Menu główne' },
    h('ul', { class: 'nav__list' }, visible.map((i) => {
      const active = i.href === '/' ? path === '/' : path === i.href || path.startsWith(`${i.href}/`);
      return h('li', { class: 'nav__item' },
        h('a', { href: i.href, class: `nav__link${active ? ' nav__link--active' : ''}`, 'aria-current': active ? 'page' : null }, i.label));
    })));
}

function renderFooter(): HTMLElement {
  return h('footer', { class: 'footer' },
    h('div', { class: 'footer__inner' },
      h('p', null, 'Ostoja – otwarty system dla ośrodków pomocy społecznej. Dane osobowe są chronione, a każdy dostęp jest zapisywany w dzienniku audytu.')));
}

function errorView(e: ApiError, retry: () => void): HTMLElement {
  const title = e.isNetwork ? 'Brak połączenia z serwerem' : e.status >= 500 ? 'Błąd serwera' : 'Nie udało się wczytać danych';
  return h('div', null,
    notice('error', h('p', null, h('strong', null, title)), h('p', null, e.message)),
    h('p', null, button('Spróbuj ponownie', { kind: 'secondary', onClick: () => retry() })));
}

function renderFatal(root: HTMLElement, e: ApiError, retry: () => void): void {
  const heading = h('h1', { tabindex: -1, class: 'page-title' }, 'Usługa chwilowo niedostępna');
  replaceChildren(root, renderHeader(null),
    h('div', { class: 'container' }, h('main', { id: 'tresc', tabindex: -1, class: 'main' }, heading, errorView(e, retry))),
    renderFooter());
  document.title = 'Usługa chwilowo niedostępna – Ostoja';
}

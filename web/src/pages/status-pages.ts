// "Brak dostępu" (missing permission or API 403) and "Nie znaleziono strony" (unknown path or API 404).
import { append, h } from '../dom';
import type { PageContext, Route } from '../router';

function back(): HTMLElement {
  return h('p', null, h('a', { href: '/' }, 'Wróć na stronę startową'));
}

export const deniedRoute: Route = {
  path: '', title: 'Brak dostępu',
  render(ctx: PageContext) {
    append(ctx.content, 
      h('p', { class: 'lead' }, 'Nie masz uprawnień do tej strony.'),
      h('p', null, 'Dostęp zależy od ról przypisanych do Twojego konta. Jeśli potrzebujesz tej funkcji w pracy, poproś administratora ośrodka o nadanie odpowiedniej roli.'),
      back());
  },
};

export const notFoundRoute: Route = {
  path: '', title: 'Nie znaleziono strony',
  render(ctx: PageContext) {
    append(ctx.content, 
      h('p', { class: 'lead' }, 'Strona, której szukasz, nie istnieje albo została usunięta.'),
      h('p', null, 'Jeśli adres został wpisany ręcznie, sprawdź, czy nie ma w nim błędu.'),
      back());
  },
};

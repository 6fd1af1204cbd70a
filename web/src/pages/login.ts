// Logowanie: POST /auth/login; shows the API's Polish message (wrong password, locked account).
import { api } from '../api';
import { announce, append, h } from '../dom';
import type { Me } from '../model';
import { navigate, type PageContext } from '../router';
import { setSession } from '../session';
import { button, clearFormErrors, formValues, inputField, notice, showApiError, showFormErrors, toApiError } from '../ui';

export function renderLogin(ctx: PageContext): void {
  const back = ctx.query.get('powrot');
  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'login-title' },
    h('h2', { id: 'login-title', class: 'visually-hidden' }, 'Formularz logowania'),
    inputField({ label: 'Login', name: 'login', autocomplete: 'username', required: true, spellcheck: false }),
    inputField({ label: 'Hasło', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    button('Zaloguj się', { type: 'submit' }));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { login, password } = formValues(form);
    const missing = [
      !login && { field: 'login', message: 'Wpisz login.' },
      !password && { field: 'password', message: 'Wpisz hasło.' },
    ].filter(Boolean) as { field: string; message: string }[];
    if (missing.length) return showFormErrors(form, missing);

    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    submit.disabled = true;
    try {
      const res = await api.post<{ user: Me; csrf_token: string }>('/auth/login', { login, password }, { quiet401: true });
      // GET /me completes what the login answer may leave out (section and centre names).
      const user = await api.get<Me>('/me').catch(() => res.user);
      setSession(user, user.csrf_token ?? res.csrf_token);
      clearFormErrors(form);
      announce(`Zalogowano jako ${user.full_name || user.login}.`);
      navigate(back && back.startsWith('/') && !back.startsWith('//') ? back : '/');
    } catch (err) {
      // The server's message already says why and for how long (wrong password, locked account, throttled address).
      showApiError(form, toApiError(err));
      (form.elements.namedItem('password') as HTMLInputElement).value = '';
    } finally {
      submit.disabled = false;
    }
  });

  append(ctx.content, [
    ctx.query.has('wylogowano') ? notice('success', h('p', null, 'Wylogowano. Do zobaczenia!')) : null,
    ctx.query.has('wygasla') ? notice('warning', h('p', null, 'Sesja wygasła. Zaloguj się ponownie, aby kontynuować.')) : null,
    h('p', { class: 'lead' }, 'Zaloguj się loginem i hasłem nadanym przez administratora ośrodka.'),
    form,
  ]);
}

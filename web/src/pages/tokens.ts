// Moje tokeny API (tokens.own): list, create (token shown once), revoke.
import { api } from '../api';
import { announce, append, h, replaceChildren } from '../dom';
import { formatDateTime } from '../labels';
import type { ApiToken, Items } from '../model';
import type { PageContext } from '../router';
import {
  button, confirmDialog, emptyState, formValues, inputField, notice, section, showApiError, showFormErrors, table, tag, toApiError,
} from '../ui';

function tokenState(t: ApiToken): HTMLElement {
  if (t.revoked) return tag('Unieważniony', 'red');
  if (t.expires_at !== null && t.expires_at < Date.now()) return tag('Wygasł', 'grey');
  return tag('Aktywny', 'green');
}

export async function renderTokens(ctx: PageContext): Promise<void> {
  let tokens = (await api.get<Items<ApiToken>>('/me/tokens')).items;
  if (!ctx.isCurrent()) return;
  const listHolder = h('div');
  const status = h('div', { class: 'status-area' });
  const created = h('div');

  const reload = async () => { tokens = (await api.get<Items<ApiToken>>('/me/tokens')).items; draw(); };
  const revoke = async (t: ApiToken) => {
    const ok = await confirmDialog({
      title: 'Unieważnić token?', text: `Token „${t.name}” przestanie działać natychmiast. Tej operacji nie można cofnąć.`, confirm: 'Unieważnij token',
    });
    if (!ok) return;
    try {
      await api.del(`/me/tokens/${encodeURIComponent(String(t.id))}`);
      await reload();
      replaceChildren(status, notice('success', h('p', null, `Unieważniono token „${t.name}”.`)));
    } catch (err) {
      replaceChildren(status, notice('error', h('p', null, toApiError(err).message)));
    }
  };
  const revokeButton = (t: ApiToken) => {
    const b = button('Unieważnij', { kind: 'link', onClick: () => void revoke(t) });
    b.setAttribute('aria-label', `Unieważnij token ${t.name}`);
    return b;
  };
  const draw = () => replaceChildren(listHolder, tokens.length
    ? table(`Twoje tokeny (${tokens.length})`, ['Nazwa', 'Utworzony', 'Wygasa', 'Ostatnio użyty', 'Stan', 'Działania'],
        tokens.map((t) => [t.name, formatDateTime(t.created_at), formatDateTime(t.expires_at), formatDateTime(t.last_used_at), tokenState(t),
          t.revoked ? '—' : revokeButton(t)]))
    : emptyState('Nie masz jeszcze żadnych tokenów API.'));
  draw();

  const form = h('form', { class: 'form', novalidate: true },
    inputField({ label: 'Nazwa tokenu', name: 'name', required: true, hint: 'Po nazwie rozpoznasz, do czego służy token, np. „Raport miesięczny – arkusz”.' }),
    inputField({ label: 'Ważność w dniach', name: 'expires_in_days', type: 'number', required: true, value: 90, min: 1, max: 365, width: 'short', hint: 'Od 1 do 365 dni.' }),
    button('Utwórz token', { type: 'submit' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const days = Number(v.expires_in_days);
    const errors = [
      !v.name && { field: 'name', message: 'Wpisz nazwę tokenu.' },
      !(Number.isInteger(days) && days >= 1 && days <= 365) && { field: 'expires_in_days', message: 'Ważność musi być liczbą dni od 1 do 365.' },
    ].filter(Boolean) as { field: string; message: string }[];
    if (errors.length) return showFormErrors(form, errors);
    try {
      const res = await api.post<{ id: string; name: string; token: string; expires_at: number }>('/me/tokens', { name: v.name, expires_in_days: days });
      form.reset();
      form.querySelector(':scope > .error-summary')?.remove();
      showCreated(created, res);
      await reload();
    } catch (err) {
      showApiError(form, err);
    }
  });

  append(ctx.content,
    h('p', { class: 'lead' }, 'Token API pozwala programom (np. arkuszom i skryptom raportowym) korzystać z systemu w Twoim imieniu. Traktuj go jak hasło.'),
    created,
    section('Tokeny', status, listHolder),
    section('Nowy token', form),
  );
}

function showCreated(holder: HTMLElement, res: { name: string; token: string; expires_at: number }): void {
  const input = h('input', { id: 'new-token', class: 'input input--code w-full', readonly: true, value: res.token, spellcheck: 'false' });
  const copy = button('Kopiuj token', {
    kind: 'secondary',
    onClick: async () => {
      try { await navigator.clipboard.writeText(res.token); announce('Skopiowano token do schowka.'); }
      catch { input.select(); announce('Zaznaczono token – skopiuj go skrótem Ctrl+C.'); }
    },
  });
  const box = h('div', { class: 'panel panel--token', tabindex: -1, role: 'region', 'aria-labelledby': 'new-token-title' },
    h('h2', { id: 'new-token-title' }, `Utworzono token „${res.name}”`),
    h('p', null, h('strong', null, 'Skopiuj go teraz – nie zostanie pokazany ponownie.'), ` Ważny do ${formatDateTime(res.expires_at)}.`),
    h('div', { class: 'field' }, h('label', { for: 'new-token', class: 'label' }, 'Token'), input),
    copy);
  replaceChildren(holder, box);
  box.focus();
}

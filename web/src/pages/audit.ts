// Dziennik audytu (audit.read): filters kept in the URL, table with paging, CSV export, chain verification.
import { API_BASE, api, query } from '../api';
import { append, h, replaceChildren } from '../dom';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, formatDateTime, plural } from '../labels';
import type { AuditEntry, Items, User } from '../model';
import { navigate, type PageContext } from '../router';
import { can } from '../session';
import { button, emptyState, formValues, inputField, loading, notice, section, selectField, showFormErrors, table, toApiError } from '../ui';

const PAGE_SIZE = 50;
const FILTERS = ['person_id', 'user_id', 'action', 'from', 'to'] as const;

const ACTION_HINTS = Object.entries(AUDIT_ACTION_LABELS);

type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function filtersFrom(q: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTERS) { const v = q.get(k); if (v) f[k] = v; }
  return f;
}

export async function renderAudit(ctx: PageContext): Promise<void> {
  const filters = filtersFrom(ctx.query);
  const offset = Math.max(0, Number(ctx.query.get('offset') ?? 0) || 0);
  const users = can('users.manage') ? await api.get<Items<User>>('/users').catch(() => null) : null;
  if (!ctx.isCurrent()) return;

  const form = h('form', { class: 'form form--filters', novalidate: true, role: 'search', 'aria-label': 'Filtry dziennika' },
    h('div', { class: 'field-row' },
      inputField({ label: 'Identyfikator osoby', name: 'person_id', value: filters.person_id, width: 'short', inputmode: 'numeric' }),
      users
        ? selectField({ label: 'Użytkownik', name: 'user_id', value: filters.user_id, emptyLabel: 'Wszyscy',
            options: users.items.map((u) => [String(u.id), `${u.login} (${u.full_name})`]) })
        : inputField({ label: 'Identyfikator użytkownika', name: 'user_id', value: filters.user_id, width: 'short', inputmode: 'numeric' }),
      inputField({ label: 'Czynność', name: 'action', value: filters.action, hint: 'Kod czynności, np. login, read, break_glass', spellcheck: false })),
    h('div', { class: 'field-row' },
      inputField({ label: 'Od dnia', name: 'from', type: 'date', value: filters.from, width: 'short' }),
      inputField({ label: 'Do dnia', name: 'to', type: 'date', value: filters.to, width: 'short' })),
    h('div', { class: 'button-group' },
      button('Filtruj', { type: 'submit' }),
      h('a', { href: '/audyt', class: 'button button--secondary' }, 'Wyczyść filtry')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form) as Filters;
    if (v.from && v.to && v.from > v.to) {
      return showFormErrors(form, [{ field: 'to', message: 'Data „do dnia” nie może być wcześniejsza niż „od dnia”.' }]);
    }
    navigate(`/audyt${query(v)}`);
  });

  const results = h('div', null, loading('Wczytywanie wpisów…'));
  const verifyResult = h('div', { class: 'status-area' });
  const verify = async () => {
    replaceChildren(verifyResult, loading('Sprawdzam łańcuch wpisów…'));
    try {
      const r = await api.get<{ ok: boolean; entries?: number; first_bad_seq?: number; reason?: string }>('/audit/verify');
      replaceChildren(verifyResult, r.ok
        ? notice('success', h('p', null, `Dziennik jest nienaruszony: sprawdzono ${plural(r.entries ?? 0, 'wpis', 'wpisy', 'wpisów')}, łańcuch skrótów jest ciągły.`))
        : notice('error', h('p', null, `Naruszenie integralności dziennika, począwszy od wpisu nr ${r.first_bad_seq}.`), r.reason ? h('p', null, r.reason) : null));
    } catch (err) {
      replaceChildren(verifyResult, notice('error', h('p', null, toApiError(err).message)));
    }
  };

  append(ctx.content,
    h('p', { class: 'lead' }, 'Każdy odczyt i zmiana danych osobowych jest zapisywana w dzienniku, którego wpisy są powiązane skrótami kryptograficznymi.'),
    section('Filtry', form,
      h('datalist', { id: 'audit-actions' }, ACTION_HINTS.map(([v, l]) => h('option', { value: v }, l)))),
    section('Integralność dziennika',
      h('p', null, button('Sprawdź integralność', { kind: 'secondary', onClick: () => void verify() })),
      verifyResult),
    section('Wpisy', results),
  );
  form.querySelector('input[name=action]')?.setAttribute('list', 'audit-actions');

  const page = await api.get<Items<AuditEntry>>(`/audit${query({ ...filters, limit: PAGE_SIZE, offset })}`);
  if (!ctx.isCurrent()) return;
  const total = page.total ?? page.items.length;
  const csvHref = `${API_BASE}/audit.csv${query(filters)}`;
  const pageLink = (o: number, label: string) => h('a', { href: `/audyt${query({ ...filters, offset: o || undefined })}`, class: 'button button--secondary' }, label);

  replaceChildren(results,
    h('p', { class: 'results-bar' },
      h('span', { role: 'status' }, total
        ? `Wpisy ${offset + 1}–${offset + page.items.length} z ${total}`
        : 'Brak wpisów'),
      h('a', { href: csvHref, download: 'dziennik-audytu.csv', class: 'button button--secondary' }, 'Pobierz CSV', h('span', { class: 'visually-hidden' }, ' (wpisy z bieżącymi filtrami)'))),
    page.items.length
      ? table('Wpisy dziennika audytu', ['Nr', 'Czas', 'Użytkownik', 'Czynność', 'Obiekt', 'Osoba', 'Cel', 'Adres IP'],
          page.items.map((e) => [
            String(e.seq), formatDateTime(e.at), e.user_login || (e.user_id === null ? '—' : `#${e.user_id}`),
            actionCell(e.action), entityText(e),
            e.person_id === null || e.person_id === undefined ? '—' : String(e.person_id), e.purpose || '—', e.ip || '—',
          ]), { captionHidden: true })
      : emptyState(Object.keys(filters).length ? 'Żaden wpis nie pasuje do wybranych filtrów.' : 'Dziennik jest pusty.'),
    total > PAGE_SIZE
      ? h('nav', { class: 'pagination', 'aria-label': 'Strony wyników' },
          offset > 0 ? pageLink(Math.max(0, offset - PAGE_SIZE), 'Poprzednie') : null,
          offset + PAGE_SIZE < total ? pageLink(offset + PAGE_SIZE, 'Następne') : null)
      : null);
}

function actionCell(code: string): HTMLElement {
  const label = AUDIT_ACTION_LABELS[code];
  return h('span', null, label ?? '', label ? h('br') : null, h('code', { class: 'code-inline' }, code));
}

function entityText(e: AuditEntry): string {
  if (!e.entity) return '—';
  const id = e.entity_id !== null && e.entity_id !== undefined ? ` nr ${e.entity_id}` : '';
  return `${AUDIT_ENTITY_LABELS[e.entity] ?? e.entity}${id}`;
}

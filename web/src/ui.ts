// Shared accessible building blocks: labelled fields, error summary, notices, tables, confirm dialog.
import { ApiError } from './api';
import { announce, h, uid, type Child } from './dom';

// ---------- form fields ----------

interface FieldBase { label: string; name: string; hint?: string; required?: boolean; width?: 'short' | 'medium' | 'full' }
export interface InputOpts extends FieldBase {
  type?: string; value?: string | number | null; autocomplete?: string; inputmode?: string;
  min?: number; max?: number; placeholder?: string; spellcheck?: boolean;
}

/** Wraps a control with its <label>, optional hint and a (hidden) error message tied by aria-describedby. */
function fieldWrap(opts: FieldBase, control: HTMLElement, controlId: string): HTMLElement {
  const hintId = opts.hint ? `${controlId}-hint` : '';
  if (hintId) control.setAttribute('aria-describedby', hintId);
  if (opts.required) control.setAttribute('required', '');
  control.classList.add(`w-${opts.width ?? 'medium'}`);
  return h('div', { class: 'field', 'data-field': opts.name },
    h('label', { for: controlId, class: 'label' }, opts.label, opts.required ? null : h('span', { class: 'optional' }, ' (opcjonalnie)')),
    opts.hint ? h('p', { class: 'hint', id: hintId }, opts.hint) : null,
    h('p', { class: 'field-error', id: `${controlId}-error`, hidden: true }),
    control,
  );
}

export function inputField(opts: InputOpts): HTMLElement {
  const id = uid(`f-${opts.name}`);
  const input = h('input', {
    id, name: opts.name, type: opts.type ?? 'text', value: opts.value === null || opts.value === undefined ? '' : String(opts.value),
    autocomplete: opts.autocomplete, inputmode: opts.inputmode, min: opts.min, max: opts.max,
    placeholder: opts.placeholder, spellcheck: opts.spellcheck === false ? 'false' : undefined, class: 'input',
  });
  return fieldWrap(opts, input, id);
}

export interface SelectOpts extends FieldBase { options: [string, string][]; value?: string; emptyLabel?: string }
export function selectField(opts: SelectOpts): HTMLElement {
  const id = uid(`f-${opts.name}`);
  const select = h('select', { id, name: opts.name, class: 'select' },
    opts.emptyLabel !== undefined ? h('option', { value: '' }, opts.emptyLabel) : null,
    opts.options.map(([value, label]) => h('option', { value, selected: value === opts.value }, label)));
  return fieldWrap(opts, select, id);
}

export interface TextareaOpts extends FieldBase { value?: string; rows?: number }
export function textareaField(opts: TextareaOpts): HTMLElement {
  const id = uid(`f-${opts.name}`);
  const area = h('textarea', { id, name: opts.name, rows: opts.rows ?? 6, class: 'textarea', spellcheck: 'false' });
  area.defaultValue = opts.value ?? '';
  return fieldWrap({ width: 'full', ...opts }, area, id);
}

export function checkbox(label: string, name: string, checked: boolean, value = 'on', hint?: string): HTMLElement {
  const id = uid(`f-${name}`);
  const hintId = hint ? `${id}-hint` : undefined;
  return h('div', { class: 'checkbox' },
    h('input', { type: 'checkbox', id, name, value, checked, 'aria-describedby': hintId }),
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** A <fieldset> of checkboxes; the legend names the group for screen readers. */
export function checkboxGroup(legend: string, name: string, options: [string, string][], selected: string[], hint?: string): HTMLElement {
  const hintId = hint ? uid(`h-${name}`) : undefined;
  return h('fieldset', { class: 'fieldset field', 'data-field': name, 'aria-describedby': hintId },
    h('legend', { class: 'legend' }, legend),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: uid(`e-${name}`), hidden: true }),
    options.length
      ? h('div', { class: 'checkbox-list' }, options.map(([value, label]) => checkbox(label, name, selected.includes(value), value)))
      : h('p', { class: 'muted' }, 'Brak pozycji do wyboru.'));
}

/** A <fieldset> of radio buttons (one choice); options are [value, label, hint?]. */
export function radioGroup(legend: string, name: string, options: [string, string, string?][], selected: string, hint?: string): HTMLElement {
  const hintId = hint ? uid(`h-${name}`) : undefined;
  return h('fieldset', { class: 'fieldset field', 'data-field': name, 'aria-describedby': hintId },
    h('legend', { class: 'legend' }, legend),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: uid(`e-${name}`), hidden: true }),
    options.map(([value, text, optionHint]) => {
      const id = uid(`r-${name}`);
      const optionHintId = optionHint ? `${id}-hint` : undefined;
      return h('div', { class: 'checkbox' },
        h('input', { type: 'radio', id, name, value, checked: value === selected, 'aria-describedby': optionHintId }),
        h('label', { for: id }, text),
        optionHint ? h('p', { class: 'hint', id: optionHintId }, optionHint) : null);
    }));
}

export function button(label: string, opts: { kind?: 'primary' | 'secondary' | 'danger' | 'link'; type?: 'button' | 'submit'; onClick?: (e: MouseEvent) => void; describedBy?: string; name?: string } = {}): HTMLButtonElement {
  return h('button', {
    type: opts.type ?? 'button', class: `button button--${opts.kind ?? 'primary'}`,
    onclick: opts.onClick, 'aria-describedby': opts.describedBy, name: opts.name,
  }, label);
}

/** A button that opens and closes a panel (aria-expanded, aria-controls; focus into the panel and back to the button). */
export function disclosure(text: string, panel: HTMLElement): [HTMLButtonElement, (open: boolean) => void] {
  const opener = button(text, { kind: 'secondary' });
  opener.setAttribute('aria-expanded', 'false');
  opener.setAttribute('aria-controls', panel.id);
  const toggle = (open: boolean) => {
    panel.hidden = !open;
    opener.setAttribute('aria-expanded', String(open));
    if (open) panel.querySelector<HTMLElement>('input, select, textarea')?.focus();
    else opener.focus();
  };
  opener.addEventListener('click', () => toggle(opener.getAttribute('aria-expanded') !== 'true'));
  return [opener, toggle];
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => { if (typeof v === 'string') out[k] = v.trim(); });
  return out;
}
export function checkedValues(form: HTMLFormElement, name: string): string[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${name}"]:checked`)).map((i) => i.value);
}

// ---------- errors ----------

export function clearFormErrors(form: HTMLElement): void {
  form.querySelector(':scope > .error-summary')?.remove();
  form.querySelectorAll('.field--error').forEach((f) => f.classList.remove('field--error'));
  form.querySelectorAll<HTMLElement>('.field-error').forEach((e) => { e.hidden = true; e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((c) => {
    c.removeAttribute('aria-invalid');
    const ids = (c.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && !x.endsWith('-error'));
    if (ids.length) c.setAttribute('aria-describedby', ids.join(' ')); else c.removeAttribute('aria-describedby');
  });
}

export interface FieldError { field?: string; message: string }

/**
 * GOV.UK-style error summary at the top of the form (role=alert, focused), each message linking to its field,
 * and the same message shown next to the field and tied to it with aria-describedby + aria-invalid.
 */
export function showFormErrors(form: HTMLElement, errors: FieldError[], extra?: Child): void {
  clearFormErrors(form);
  const items = errors.map((e) => {
    const wrap = e.field ? form.querySelector<HTMLElement>(`[data-field="${e.field}"]`) : null;
    const control = wrap?.querySelector<HTMLElement>('input, select, textarea');
    if (wrap && control) {
      wrap.classList.add('field--error');
      const errEl = wrap.querySelector<HTMLElement>('.field-error')!;
      errEl.hidden = false;
      errEl.replaceChildren(h('span', { class: 'visually-hidden' }, 'Błąd: '), e.message);
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), errEl.id].filter(Boolean).join(' '));
      return h('li', null, h('a', { href: `#${control.id}`, onclick: (ev: Event) => { ev.preventDefault(); control.focus(); } }, e.message));
    }
    return h('li', null, e.message);
  });
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1 },
    h('h2', { class: 'error-summary__title' }, 'Wystąpił problem'),
    h('ul', { class: 'error-summary__list' }, items),
    extra ?? null);
  form.prepend(summary);
  summary.focus();
}

/** Shows an API error on a form: the server's Polish message, bound to its field when the API names one. */
export function showApiError(form: HTMLElement, err: unknown, extra?: Child): void {
  const e = toApiError(err);
  showFormErrors(form, [{ field: e.field || undefined, message: e.message }], extra);
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  console.error(err);
  return new ApiError(-1, 'client', 'Wystąpił nieoczekiwany błąd aplikacji. Odśwież stronę i spróbuj ponownie.');
}

// ---------- content blocks ----------

export function notice(kind: 'success' | 'error' | 'info' | 'warning', ...content: Child[]): HTMLElement {
  const role = kind === 'error' ? 'alert' : kind === 'info' ? null : 'status';
  const title = { success: 'Sukces', error: 'Błąd', info: 'Informacja', warning: 'Uwaga' }[kind];
  return h('div', { class: `notice notice--${kind}`, role },
    h('strong', { class: 'notice__title' }, title, h('span', { class: 'visually-hidden' }, ': ')),
    h('div', { class: 'notice__body' }, content));
}

export function loading(text = 'Wczytywanie…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export function emptyState(text: string, ...more: Child[]): HTMLElement {
  return h('div', { class: 'empty' }, h('p', null, text), more);
}

export function summaryList(rows: [string, Child][]): HTMLElement {
  return h('dl', { class: 'summary-list' },
    rows.map(([k, v]) => h('div', { class: 'summary-list__row' }, h('dt', null, k), h('dd', null, v === '' || v === null || v === undefined ? '—' : v))));
}

export function table(caption: string, headers: string[], rows: Child[][], opts: { captionHidden?: boolean } = {}): HTMLElement {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: 0 },
    h('table', { class: 'table' },
      h('caption', { class: opts.captionHidden ? 'visually-hidden' : 'table__caption' }, caption),
      h('thead', null, h('tr', null, headers.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, rows.map((r) => h('tr', null, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', null, c))))))));
}

export function tag(text: string, kind: 'grey' | 'green' | 'red' | 'blue' | 'yellow' = 'grey'): HTMLElement {
  return h('span', { class: `tag tag--${kind}` }, text);
}

export function section(title: string, ...content: Child[]): HTMLElement {
  const id = uid('s');
  return h('section', { class: 'block', 'aria-labelledby': id }, h('h2', { id }, title), content);
}

// ---------- confirm dialog ----------

/**
 * Modal confirmation using the native <dialog> (focus trapping, Esc to cancel); focus returns to the opener.
 * The confirm button is red for destructive actions (default), blue for a step forward that cannot be undone.
 */
export function confirmDialog(opts: { title: string; text: string; confirm: string; cancel?: string; kind?: 'primary' | 'danger' }): Promise<boolean> {
  const opener = document.activeElement as HTMLElement | null;
  const titleId = uid('dlg');
  const textId = uid('dlg-t');
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'aria-describedby': textId },
      h('h2', { id: titleId }, opts.title),
      h('p', { id: textId }, opts.text),
      h('div', { class: 'button-group' },
        button(opts.confirm, { kind: opts.kind ?? 'danger', onClick: () => dialog.close('yes') }),
        button(opts.cancel ?? 'Anuluj', { kind: 'secondary', onClick: () => dialog.close('no') })));
    dialog.addEventListener('close', () => {
      dialog.remove();
      opener?.isConnected && opener.focus();
      resolve(dialog.returnValue === 'yes');
    });
    document.body.append(dialog);
    dialog.showModal();
    // Safer default for a destructive action: start on "Anuluj".
    dialog.querySelector<HTMLButtonElement>('.button--secondary')?.focus();
  });
}

// ---------- one-time messages across navigation ----------

let flash: { path: string; message: string; more: Child[] } | null = null;

/** A success message for the page at `path` (e.g. the record just saved, after navigating to it); shown once. */
export function setFlash(path: string, message: string, ...more: Child[]): void {
  flash = { path, message, more };
}

/** The pending message for `path` as a success notice (also announced), or null. */
export function takeFlash(path: string): HTMLElement | null {
  if (!flash || flash.path !== path) return null;
  const { message, more } = flash;
  flash = null;
  announce(message);
  return notice('success', h('p', null, message), more);
}

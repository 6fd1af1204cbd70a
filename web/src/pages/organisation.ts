// Organizacja: centre data and the unit tree built from GET /units (flat list with parent_id).
import { api } from '../api';
import { append, h, replaceChildren } from '../dom';
import { UNIT_KIND_LABELS, formatAddress } from '../labels';
import type { Centre, Id, Items, Section, Unit, UnitKind } from '../model';
import type { PageContext } from '../router';
import { can } from '../session';
import {
  button, clearFormErrors, confirmDialog, emptyState, formValues, inputField, notice, section, selectField, showApiError,
  showFormErrors, summaryList, tag, textareaField, toApiError,
} from '../ui';
import { addressFieldset, addressFrom, sectionHref, sectionLabel } from './org-common';
import { flatsRegister } from './sheltered-flats';

interface TreeNode { unit: Unit; children: TreeNode[] }

export function buildTree(units: Unit[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>(units.map((u) => [String(u.id), { unit: u, children: [] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parent_id === null ? undefined : nodes.get(String(node.unit.parent_id));
    (parent && parent !== node ? parent.children : roots).push(node);
  }
  return roots;
}

const KIND_TAG: Record<UnitKind, 'blue' | 'grey' | 'green' | 'yellow'> = {
  division: 'blue', department: 'grey', branch: 'green', specialised: 'yellow',
};

export async function renderOrganisation(ctx: PageContext): Promise<void> {
  const [centre, units, sections] = await Promise.all([
    api.get<Centre>('/centre'),
    api.get<Items<Unit>>('/units'),
    api.get<Items<Section>>('/sections'),
  ]);
  if (!ctx.isCurrent()) return;
  const writable = can('org.write');
  const status = h('div', { class: 'status-area' });
  const treeHolder = h('div');

  const sectionsByUnit = new Map<string, Section[]>();
  for (const s of sections.items) {
    const key = String(s.unit_id);
    sectionsByUnit.set(key, [...(sectionsByUnit.get(key) ?? []), s]);
  }

  const reload = async () => {
    const fresh = await api.get<Items<Unit>>('/units');
    units.items = fresh.items;
    drawTree();
  };

  const removeUnit = async (unit: Unit) => {
    const ok = await confirmDialog({
      title: 'Usunąć jednostkę?', text: `Jednostka „${unit.name}” zostanie usunięta ze struktury ośrodka.`, confirm: 'Usuń jednostkę',
    });
    if (!ok) return;
    try {
      await api.del(`/units/${encodeURIComponent(String(unit.id))}`);
      replaceChildren(status, notice('success', h('p', null, `Usunięto jednostkę „${unit.name}”.`)));
      await reload();
    } catch (err) {
      replaceChildren(status, notice('error', h('p', null, toApiError(err).message)));
    }
  };

  const actionButton = (label: string, u: Unit, onClick: () => void) => {
    const b = button(label, { kind: 'link', onClick });
    b.setAttribute('aria-label', `${label} jednostkę: ${u.name}`);
    return b;
  };

  /** Swaps the unit's card for an edit form; focus goes to the form and back to "Edytuj" on cancel. */
  const editUnit = (u: Unit, card: HTMLElement) => {
    const others = units.items.filter((x) => String(x.id) !== String(u.id));
    const form = unitForm(others, async (body) => {
      const saved = await api.patch<Unit>(`/units/${encodeURIComponent(String(u.id))}`, body);
      replaceChildren(status, notice('success', h('p', null, `Zapisano zmiany jednostki „${saved?.name ?? body.name}”.`)));
      await reload();
    }, { initial: u, submitLabel: 'Zapisz zmiany', onCancel: () => { drawTree(); focusEdit(u); } });
    const title = h('h3', { tabindex: -1 }, `Edycja: ${u.name}`);
    card.replaceChildren(title, form);
    title.focus();
  };
  const focusEdit = (u: Unit) => treeHolder.querySelector<HTMLElement>(`[data-unit="${CSS.escape(String(u.id))}"] .unit__actions button`)?.focus();

  const unitItem = (node: TreeNode): HTMLElement => {
    const u = node.unit;
    const unitSections = sectionsByUnit.get(String(u.id)) ?? [];
    const card: HTMLElement = h('div', { class: 'unit', 'data-unit': String(u.id) },
        h('p', { class: 'unit__name' },
          tag(UNIT_KIND_LABELS[u.kind] ?? u.kind, KIND_TAG[u.kind] ?? 'grey'), ' ',
          h('strong', null, u.name), u.short_name ? h('span', { class: 'muted' }, ` (${u.short_name})`) : null),
        formatAddress(u.address) ? h('p', { class: 'unit__meta' }, 'Adres: ', formatAddress(u.address)) : null,
        u.offer ? h('p', { class: 'unit__offer' }, h('span', { class: 'unit__label' }, 'Oferta: '), u.offer) : null,
        unitSections.length
          ? h('p', { class: 'unit__meta' }, 'Sekcje: ', unitSections.map((s, i) => [i ? ', ' : '', h('a', { href: sectionHref(s.id) }, sectionLabel(s))]))
          : null,
        writable ? h('p', { class: 'unit__actions' },
          actionButton('Edytuj', u, () => editUnit(u, card)), actionButton('Usuń', u, () => void removeUnit(u))) : null);
    return h('li', { class: 'tree__item' }, card,
      node.children.length ? h('ul', { class: 'tree' }, node.children.map(unitItem)) : null);
  };

  const drawTree = () => {
    const roots = buildTree(units.items);
    replaceChildren(treeHolder, roots.length ? [
        h('p', { class: 'hint' }, `Piony, działy, filie i jednostki specjalistyczne – razem ${units.items.length}.`),
        h('ul', { class: 'tree tree--root', 'aria-label': 'Struktura ośrodka' }, roots.map(unitItem))]
      : emptyState('Struktura ośrodka nie została jeszcze opisana.'));
  };
  drawTree();

  append(ctx.content, 
    section('Dane ośrodka', summaryList([
      ['Nazwa', centre.name],
      ['Kod TERYT gminy', centre.teryt ?? ''],
      ['Adres', formatAddress(centre.address)],
    ])),
    section('Struktura organizacyjna',
      status, treeHolder),
    writable ? section('Dodaj jednostkę', unitForm(units.items, async (body) => {
      await api.post<Unit>('/units', body);
      replaceChildren(status, notice('success', h('p', null, `Dodano jednostkę „${body.name}”.`)));
      await reload();
    }, { submitLabel: 'Dodaj jednostkę', reset: true })) : null,
    section('Mieszkania chronione', flatsRegister()),
  );
}

type UnitBody = Omit<Unit, 'id'>;

function unitForm(
  parents: Unit[], save: (body: UnitBody) => Promise<void>,
  opts: { initial?: Unit; submitLabel: string; reset?: boolean; onCancel?: () => void },
): HTMLFormElement {
  const u = opts.initial;
  const kinds = Object.entries(UNIT_KIND_LABELS) as [string, string][];
  const form = h('form', { class: 'form', novalidate: true },
    selectField({ label: 'Rodzaj jednostki', name: 'kind', options: kinds, required: true, value: u?.kind ?? 'department' }),
    inputField({ label: 'Nazwa', name: 'name', required: true, width: 'full', value: u?.name }),
    inputField({ label: 'Nazwa skrócona', name: 'short_name', width: 'short', value: u?.short_name }),
    selectField({
      label: 'Jednostka nadrzędna', name: 'parent_id', emptyLabel: '— bezpośrednio w ośrodku —',
      value: u?.parent_id === null || u?.parent_id === undefined ? '' : String(u.parent_id),
      options: parents.map((p) => [String(p.id), `${p.name} (${UNIT_KIND_LABELS[p.kind] ?? p.kind})`]),
    }),
    addressFieldset('Adres jednostki', u?.address),
    textareaField({ label: 'Oferta', name: 'offer', rows: 3, value: u?.offer, hint: 'Dla jednostek specjalistycznych: jakie wsparcie oferują i komu.' }),
    h('div', { class: 'button-group' },
      button(opts.submitLabel, { type: 'submit' }),
      opts.onCancel ? button('Anuluj', { kind: 'secondary', onClick: opts.onCancel }) : null));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    if (!v.name) return showFormErrors(form, [{ field: 'name', message: 'Wpisz nazwę jednostki.' }]);
    const parent = parents.find((p) => String(p.id) === v.parent_id);
    const body: UnitBody = {
      kind: v.kind as UnitKind, name: v.name, short_name: v.short_name, offer: v.offer,
      parent_id: (parent?.id ?? null) as Id | null, address: addressFrom(v),
    };
    try {
      await save(body);
      if (opts.reset) { form.reset(); clearFormErrors(form); }
    } catch (err) {
      showApiError(form, err);
    }
  });
  return form;
}

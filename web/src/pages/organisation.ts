// Organizacja: centre data and the unit tree built from GET /units (flat list with parent_id).
import { api } from '../api';
import { announce, append, h, replaceChildren } from '../dom';
import { UNIT_KIND_LABELS, formatAddress } from '../labels';
import type { Centre, Id, Items, Section, Unit, UnitKind } from '../model';
import type { PageContext } from '../router';
import { can } from '../session';
import {
  button, confirmDialog, emptyState, formValues, inputField, notice, section, selectField, showApiError,
  showFormErrors, summaryList, tag, textareaField, toApiError,
} from '../ui';
import { addressFieldset, addressFrom, sectionHref } from './org-common';

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

  const deleteButton = (u: Unit) => {
    const b = button('Usuń', { kind: 'link', onClick: () => void removeUnit(u) });
    b.setAttribute('aria-label', `Usuń jednostkę: ${u.name}`);
    return b;
  };

  const unitItem = (node: TreeNode): HTMLElement => {
    const u = node.unit;
    const unitSections = sectionsByUnit.get(String(u.id)) ?? [];
    return h('li', { class: 'tree__item' },
      h('div', { class: 'unit' },
        h('p', { class: 'unit__name' },
          tag(UNIT_KIND_LABELS[u.kind] ?? u.kind, KIND_TAG[u.kind] ?? 'grey'), ' ',
          h('strong', null, u.name), u.short_name ? h('span', { class: 'muted' }, ` (${u.short_name})`) : null),
        formatAddress(u.address) ? h('p', { class: 'unit__meta' }, 'Adres: ', formatAddress(u.address)) : null,
        u.offer ? h('p', { class: 'unit__offer' }, h('span', { class: 'unit__label' }, 'Oferta: '), u.offer) : null,
        unitSections.length
          ? h('p', { class: 'unit__meta' }, 'Sekcje: ', unitSections.map((s, i) => [i ? ', ' : '', h('a', { href: sectionHref(s.id) }, `nr ${s.number} – ${s.name}`)]))
          : null,
        writable ? h('p', { class: 'unit__actions' }, deleteButton(u)) : null),
      node.children.length ? h('ul', { class: 'tree' }, node.children.map(unitItem)) : null);
  };

  const drawTree = () => {
    const roots = buildTree(units.items);
    replaceChildren(treeHolder, roots.length
      ? h('ul', { class: 'tree tree--root', 'aria-label': 'Struktura ośrodka' }, roots.map(unitItem))
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
      h('p', { class: 'hint' }, `Piony, działy, filie i jednostki specjalistyczne – razem ${units.items.length}.`),
      status, treeHolder),
    writable ? section('Dodaj jednostkę', unitForm(units.items, async (created) => {
      replaceChildren(status, notice('success', h('p', null, `Dodano jednostkę „${created.name}”.`)));
      announce(`Dodano jednostkę ${created.name}.`);
      await reload();
    })) : null,
  );
}

function unitForm(units: Unit[], onCreated: (u: Unit) => Promise<void>): HTMLFormElement {
  const kinds = Object.entries(UNIT_KIND_LABELS) as [string, string][];
  const form = h('form', { class: 'form', novalidate: true },
    selectField({ label: 'Rodzaj jednostki', name: 'kind', options: kinds, required: true, value: 'department' }),
    inputField({ label: 'Nazwa', name: 'name', required: true, width: 'full' }),
    inputField({ label: 'Nazwa skrócona', name: 'short_name', width: 'short' }),
    selectField({
      label: 'Jednostka nadrzędna', name: 'parent_id', emptyLabel: '— bezpośrednio w ośrodku —',
      options: units.map((u) => [String(u.id), `${u.name} (${UNIT_KIND_LABELS[u.kind] ?? u.kind})`]),
    }),
    addressFieldset('Adres jednostki'),
    textareaField({ label: 'Oferta', name: 'offer', rows: 3, hint: 'Dla jednostek specjalistycznych: jakie wsparcie oferują i komu.' }),
    button('Dodaj jednostkę', { type: 'submit' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    if (!v.name) return showFormErrors(form, [{ field: 'name', message: 'Wpisz nazwę jednostki.' }]);
    const parent = units.find((u) => String(u.id) === v.parent_id);
    const body = {
      kind: v.kind, name: v.name, short_name: v.short_name, offer: v.offer,
      parent_id: (parent?.id ?? null) as Id | null, address: addressFrom(v),
    };
    try {
      const created = await api.post<Unit>('/units', body);
      form.reset();
      await onCreated(created ?? (body as unknown as Unit));
    } catch (err) {
      showApiError(form, err);
    }
  });
  return form;
}

// Szablony decyzji (org.templates: dyrektor, administrator): the centre's texts printed in every decision — the legal
// basis per kind, the appeal instruction, the signatory — with the {{…}} fields they may use (GET /decision-templates).
// Each text is saved on its own (PUT /decision-templates/{name}); an unknown field or an unclosed „{{” is refused by
// the server and shown at the text.
import { api } from '../api';
import { append, h } from '../dom';
import { navigate, type PageContext } from '../router';
import { button, notice, section, setFlash, showFormErrors, takeFlash, textareaField, toApiError } from '../ui';

const TEMPLATE_NAMES: Record<string, string> = {
  legal_basis_grant: 'Podstawa prawna — decyzja przyznająca',
  legal_basis_refuse: 'Podstawa prawna — decyzja odmowna',
  legal_basis_change: 'Podstawa prawna — zmiana, wstrzymanie, uchylenie',
  appeal_instruction: 'Pouczenie o odwołaniu',
  signatory_title: 'Podpis (stanowisko)',
};
const FIELD_NAMES: Record<string, string> = {
  osrodek: 'nazwa ośrodka', forma: 'forma pomocy', kwota: 'kwota', okres: 'okres słownie', od: 'początek okresu',
  do: 'koniec okresu', rodzaj: 'rodzaj decyzji', numer: 'numer decyzji', data_wniosku: 'data wniosku',
  wszczecie: '„po rozpatrzeniu wniosku z dnia …” albo „sprawy wszczętej z urzędu”', adresat: 'adresat',
  kwota_slownie_brak: '(puste)',
};

interface Templates { templates: Record<string, string>; placeholders: string[] }

export async function renderDecisionTemplates(ctx: PageContext): Promise<void> {
  const data = await api.get<Templates>('/decision-templates');
  if (!ctx.isCurrent()) return;
  append(ctx.content,
    takeFlash(location.pathname),
    h('p', { class: 'lead' }, 'Teksty drukowane w każdej decyzji ośrodka. Pola w podwójnych nawiasach klamrowych są wypełniane danymi sprawy. Zmiana dotyczy projektów i decyzji podpisywanych od teraz — decyzja już podpisana drukuje się zawsze w brzmieniu z dnia podpisu.'),
    notice('info', h('p', null, 'Zmiana szablonu dotyczy decyzji drukowanych od chwili zapisania, także już wydanych przy ponownym wydruku.')),
    section('Dozwolone pola',
      h('ul', { class: 'plain-list' }, data.placeholders.map((p) => h('li', null, h('code', null, `{{${p}}}`), ` — ${FIELD_NAMES[p] ?? p}`)))),
    Object.entries(data.templates).map(([name, body]) => section(TEMPLATE_NAMES[name] ?? name, templateForm(name, body))));
}

function templateForm(name: string, body: string): HTMLFormElement {
  const title = TEMPLATE_NAMES[name] ?? name;
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': `Szablon: ${title}` },
    textareaField({ label: 'Treść', name: 'template', required: true, value: body, rows: name === 'appeal_instruction' ? 9 : 4 }),
    button('Zapisz szablon', { type: 'submit', kind: 'secondary' }));
  const area = form.querySelector<HTMLTextAreaElement>('textarea')!;
  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submitButton.disabled = true;
    try {
      await api.put(`/decision-templates/${encodeURIComponent(name)}`, { body: area.value });
      setFlash(location.pathname, `Zapisano szablon: ${title}.`);
      navigate(location.pathname);
    } catch (err) {
      const ae = toApiError(err);
      showFormErrors(form, [{ field: ae.field === 'template' || ae.field === 'body' ? 'template' : undefined, message: ae.message }]);
    } finally {
      submitButton.disabled = false;
    }
  });
  return form;
}

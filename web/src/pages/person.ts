// Osoba (cases.read): identity, contact and social data of one person (GET /persons/{id}, an audited read).
// Restricted categories are shown only to users with restricted access; others are told that something is hidden.
import { api } from '../api';
import { append, h } from '../dom';
import type { Person } from '../model';
import type { PageContext } from '../router';
import { notice, section, summaryList, toApiError } from '../ui';
import { householdHref, renderOutOfScope } from './case-common';
import { SEX_LABELS, formatBirthDate, identity } from './persons';

const EDUCATION: Record<string, string> = {
  none: 'brak', primary: 'podstawowe', lower_secondary: 'gimnazjalne', vocational: 'zasadnicze zawodowe', secondary: 'średnie', higher: 'wyższe',
};
const EMPLOYMENT: Record<string, string> = {
  employed: 'zatrudniony(-a)', self_employed: 'działalność gospodarcza', unemployed: 'bezrobotny(-a)', pensioner: 'emeryt(ka)',
  disability_pensioner: 'rencista(-ka)', student: 'uczeń lub student', other: 'inne',
};
const LABOUR_OFFICE: Record<string, string> = {
  registered_with_benefit: 'zarejestrowany(-a) z prawem do zasiłku', registered_without_benefit: 'zarejestrowany(-a) bez prawa do zasiłku',
  not_registered: 'niezarejestrowany(-a)',
};
const DISABILITY: Record<string, string> = {
  none: 'brak', light: 'lekki stopień', moderate: 'umiarkowany stopień', severe: 'znaczny stopień', child_certificate: 'orzeczenie o niepełnosprawności (dziecko)',
};

const word = (map: Record<string, string>, code: string | undefined) => (code ? map[code] ?? code : '');

export async function renderPerson(ctx: PageContext): Promise<void> {
  let p: Person;
  try {
    p = await api.get<Person>(`/persons/${encodeURIComponent(ctx.params.id)}`);
  } catch (err) {
    const e = toApiError(err);
    if (e.status === 403 && ctx.isCurrent()) return renderOutOfScope(ctx, e);
    throw err;
  }
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`${p.first_name} ${p.last_name}`);
  const household = ctx.query.get('srodowisko') ?? (p.household_id ? String(p.household_id) : '');

  append(ctx.content,
    h('p', null, household
      ? h('a', { href: householdHref(household), class: 'back-link' }, 'Karta środowiska')
      : h('a', { href: '/osoby', class: 'back-link' }, 'Wyszukiwanie osób')),
    section('Dane osoby', summaryList([
      ['Nazwisko i imię', `${p.last_name} ${p.first_name}`],
      ['Identyfikacja', identity(p)],
      ['Data urodzenia', formatBirthDate(p.birth_date)],
      ['Płeć', SEX_LABELS[p.sex] ?? p.sex],
      ['Obywatelstwo', p.citizenship],
      ['Telefon', p.phone],
      ['E-mail', p.email ?? ''],
      ['Adres zameldowania', p.registered_address ?? ''],
    ])),
    section('Sytuacja społeczna', summaryList([
      ['Wykształcenie', word(EDUCATION, p.education)],
      ['Zatrudnienie', word(EMPLOYMENT, p.employment)],
      ['Status w urzędzie pracy', word(LABOUR_OFFICE, p.labour_office)],
      ['Niepełnosprawność', word(DISABILITY, p.disability)],
    ])),
    p.restricted
      ? section('Kategorie szczególnie chronione', summaryList([
          ['Zdrowie', p.restricted.health], ['Uzależnienia', p.restricted.addiction], ['Przemoc domowa', p.restricted.violence],
        ]))
      : p.restricted_hidden
        ? notice('info', h('p', null, 'Ta osoba ma zapisane informacje szczególnie chronione (zdrowie, uzależnienia lub przemoc). Są ukryte, bo Twoje konto nie ma dostępu do tych kategorii danych.'))
        : null);
}

// Polish labels for codes returned by the API, and formatting helpers.
import type { Address, Parity, UnitKind } from './model';

export const ROLE_LABELS: Record<string, string> = {
  administrator: 'Administrator',
  dyrektor: 'Dyrektor',
  kierownik: 'Kierownik',
  pracownik: 'Pracownik socjalny',
  asystent: 'Asystent rodziny',
  swiadczenia: 'Pracownik ds. świadczeń',
  analityk: 'Analityk',
  partner: 'Partner zewnętrzny',
};
export const ROLE_CODES = Object.keys(ROLE_LABELS);

export const PERMISSION_LABELS: Record<string, string> = {
  'users.manage': 'zarządzanie użytkownikami',
  'org.read': 'podgląd organizacji ośrodka',
  'org.write': 'zmiany w organizacji ośrodka',
  'audit.read': 'przegląd dziennika audytu',
  'cases.read': 'podgląd spraw',
  'cases.write': 'prowadzenie spraw',
  'stats.read': 'statystyki',
  'indicators.write': 'wprowadzanie wskaźników',
  'tokens.own': 'własne tokeny API',
  'cases.scope_all': 'sprawy wszystkich sekcji',
  'decisions.write': 'przygotowywanie decyzji',
  'decisions.approve': 'podpisywanie decyzji',
  'payments.read': 'podgląd list wypłat',
  'payments.manage': 'listy wypłat i potwierdzanie wypłat',
  'org.templates': 'szablony treści decyzji',
  'gmina.read': 'podgląd uchwał gminy',
};

export const PARITY_LABELS: Record<Parity, string> = { all: 'wszystkie', odd: 'nieparzyste', even: 'parzyste' };

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  division: 'Pion', department: 'Dział', branch: 'Filia', specialised: 'Jednostka specjalistyczna',
};

export function roleLabel(code: string): string { return ROLE_LABELS[code] ?? code; }

const dateTime = new Intl.DateTimeFormat('pl-PL', {
  dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Warsaw',
});
const dateOnly = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'short', timeZone: 'Europe/Warsaw' });

export function formatDateTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : dateTime.format(new Date(ms));
}
export function formatDate(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : dateOnly.format(new Date(ms));
}

export function formatAddress(a: Address | null | undefined): string {
  if (!a) return '';
  const line1 = [a.street, a.building].filter(Boolean).join(' ');
  const line2 = [a.postal_code, a.locality].filter(Boolean).join(' ');
  return [line1, line2].filter(Boolean).join(', ');
}

/** "1–99", "od 10", "do 50", "całość" — a house-number range in words. */
export function formatRange(from: number | null, to: number | null): string {
  if (from === null && to === null) return 'cała ulica';
  if (from === null) return `do ${to}`;
  if (to === null) return `od ${from}`;
  return `${from}–${to}`;
}

/** Polish plural: 1 wpis, 2–4 wpisy, 5+ wpisów (12–14 → wpisów). */
export function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return `${n} ${one}`;
  const d = n % 10, dd = n % 100;
  return `${n} ${d >= 2 && d <= 4 && !(dd >= 12 && dd <= 14) ? few : many}`;
}

/** Audit actions and entities written by the server, in Polish; unknown codes are shown as they are. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  login: 'Logowanie', login_failed: 'Nieudane logowanie', logout: 'Wylogowanie',
  read: 'Odczyt danych', create: 'Utworzenie', update: 'Zmiana', delete: 'Usunięcie', import: 'Import',
  disable: 'Wyłączenie konta', unlock: 'Odblokowanie konta', password: 'Ustawienie hasła', revoke: 'Unieważnienie',
  break_glass: 'Dostęp awaryjny', export: 'Eksport dziennika', recheck: 'Ponowne sprawdzenie uprawnień',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: 'konto', api_token: 'token API', centre: 'ośrodek', unit: 'jednostka', section: 'sekcja',
  street_range: 'zakres ulicy', household: 'środowisko', person: 'osoba', audit: 'dziennik audytu',
  gmina_resolution: 'uchwała gminy', eligibility: 'uprawnienia gospodarstw',
};

// ---------- cases: households, applications, interviews, worklist ----------

export const FAMILY_TYPE_LABELS: Record<string, string> = {
  single: 'Osoba samotnie gospodarująca', couple: 'Małżeństwo lub para bez dzieci', with_children: 'Rodzina z dziećmi',
  single_parent: 'Rodzina niepełna (samotny rodzic)', large_family: 'Rodzina wielodzietna',
  pensioners: 'Rodzina emerytów i rencistów', other: 'Inny typ rodziny',
};

export const RELATION_LABELS: Record<string, string> = {
  head: 'Osoba prowadząca gospodarstwo', spouse: 'Małżonek lub małżonka', partner: 'Partner lub partnerka', child: 'Dziecko',
  parent: 'Rodzic', sibling: 'Rodzeństwo', grandchild: 'Wnuk lub wnuczka', other: 'Inna osoba',
};

export const APPLICATION_STATUS_LABELS: Record<string, string> = { open: 'W toku', decided: 'Rozpatrzony', withdrawn: 'Wycofany' };
export const MODE_LABELS: Record<string, string> = { application: 'Na wniosek strony', ex_officio: 'Z urzędu' };

export const INTERVIEW_KIND_LABELS: Record<string, string> = {
  initial: 'Wywiad środowiskowy do wniosku', update: 'Aktualizacja wywiadu (pomoc ciągła)', change: 'Wywiad — zmiana sytuacji',
};
export const INTERVIEW_STATUS_LABELS: Record<string, string> = { planned: 'Zaplanowany', completed: 'Przeprowadzony', cancelled: 'Anulowany' };

export const WORK_KIND_LABELS: Record<string, string> = {
  interview_overdue: 'Zaległy wywiad środowiskowy', interview_due: 'Wywiad środowiskowy do przeprowadzenia',
  decision_overdue: 'Zaległa decyzja', decision_due: 'Decyzja do wydania',
  decision_expiring: 'Kończy się okres przyznanej pomocy', contract_review: 'Ocena kontraktu socjalnego',
  contract_review_overdue: 'Zaległa ocena kontraktu socjalnego', decision_to_sign: 'Decyzja do podpisu',
};

export function label(map: Record<string, string>, code: string | null | undefined): string {
  return code ? map[code] ?? code : '—';
}

/** Calendar dates from the API ("2026-12-10") as dd.mm.rrrr; no time zone conversion. */
export function formatDay(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso || '—';
}

/** Today in Warsaw as YYYY-MM-DD (the server's calendar). */
export function todayIso(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());
}

/** Calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "po terminie 3 dni", "termin dziś", "za 1 dzień" — deadlines in words, never by colour alone. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `po terminie ${plural(-daysLeft, 'dzień', 'dni', 'dni')}`;
  if (daysLeft === 0) return 'termin dziś';
  return `za ${plural(daysLeft, 'dzień', 'dni', 'dni')}`;
}

// ---------- decisions, payments, income, non-cash help ----------

export const DECISION_KIND_LABELS: Record<string, string> = {
  grant: 'Przyznająca pomoc', refuse: 'Odmowna', change: 'Zmieniająca', suspend: 'Wstrzymująca wypłatę', withdraw: 'Uchylająca',
};
export const DECISION_STATE_LABELS: Record<string, string> = {
  draft: 'Projekt', approved: 'Podpisana', delivered: 'Doręczona', final: 'Ostateczna', appealed: 'Odwołanie do SKO',
  upheld: 'Utrzymana w mocy przez SKO', overturned: 'Uchylona przez SKO', sent_back: 'Przekazana do ponownego rozpatrzenia',
  cancelled: 'Anulowany projekt',
};
export const DECISION_ACTION_LABELS: Record<string, string> = {
  create: 'Projekt decyzji', approve: 'Podpisanie', deliver: 'Doręczenie', make_final: 'Upływ terminu na odwołanie',
  waive_appeal: 'Zrzeczenie się prawa do odwołania', appeal: 'Odwołanie do SKO', uphold: 'SKO: utrzymanie w mocy',
  overturn: 'SKO: uchylenie', send_back: 'SKO: przekazanie do ponownego rozpatrzenia', cancel: 'Anulowanie projektu',
};
export const PAYMENT_METHOD_LABELS: Record<string, string> = { transfer: 'Przelew na rachunek bankowy', cash: 'Wypłata w kasie ośrodka' };
export const PAYMENT_STATUS_LABELS: Record<string, string> = {
  planned: 'Zaplanowana', sent: 'Wysłana', paid: 'Wypłacona', returned: 'Zwrócona', cancelled: 'Anulowana', to_recover: 'Do zwrotu',
};
export const PAYMENT_LIST_STATUS_LABELS: Record<string, string> = { draft: 'Przygotowana, niewysłana', sent: 'Wysłana' };

/** Non-cash help kinds and subtypes (the services module's table). */
export const SERVICE_KIND_LABELS: Record<string, string> = {
  posilek: 'Posiłek', pomoc_rzeczowa: 'Pomoc rzeczowa', schronienie: 'Schronienie', uslugi_opiekuncze: 'Usługi opiekuńcze',
  mieszkanie_chronione: 'Mieszkanie chronione', dps: 'Dom pomocy społecznej', sprawienie_pogrzebu: 'Sprawienie pogrzebu',
  interwencja_kryzysowa: 'Interwencja kryzysowa', poradnictwo: 'Poradnictwo specjalistyczne',
};
/** Subtypes each kind of non-cash help requires (none: the kind has no subtypes), the unit its quantity
 *  counts, whether a person must be named, and whether it is a stay (counted in the days of its period, no
 *  quantity) — as the services module checks them. */
export const SERVICE_KIND_RULES: Record<string, { subtypes: string[]; unit: string; person: boolean; stay?: boolean }> = {
  posilek: { subtypes: ['szkola', 'przedszkole', 'zlobek', 'inne'], unit: 'posiłki', person: true },
  pomoc_rzeczowa: { subtypes: ['zywnosc', 'odziez', 'srodki_czystosci', 'inne'], unit: 'paczki', person: false },
  schronienie: { subtypes: [], unit: 'noclegi', person: false },
  uslugi_opiekuncze: { subtypes: ['zwykle', 'specjalistyczne'], unit: 'godziny', person: true },
  mieszkanie_chronione: { subtypes: [], unit: 'dni', person: true, stay: true },
  dps: { subtypes: [], unit: 'dni', person: true, stay: true },
  sprawienie_pogrzebu: { subtypes: [], unit: 'pogrzeby', person: true },
  interwencja_kryzysowa: { subtypes: [], unit: 'interwencje', person: false },
  poradnictwo: { subtypes: ['psychologiczne', 'prawne', 'rodzinne', 'uzaleznienia'], unit: 'konsultacje', person: true },
};
export const SOCIAL_WORK_KIND_LABELS: Record<string, string> = {
  entry: 'Praca socjalna', contract: 'Kontrakt socjalny', community_work: 'Prace społecznie użyteczne',
  activation: 'Aktywizacja', referral: 'Skierowanie do instytucji',
};
export const ACTIVATION_LABELS: Record<string, string> = {
  internship: 'staż', job: 'podjęcie pracy', training: 'szkolenie', cis: 'centrum integracji społecznej', other: 'inna forma',
};
export const CONTRACT_OUTCOME_LABELS: Record<string, string> = {
  achieved: 'cele osiągnięte', partly: 'cele osiągnięte częściowo', not_achieved: 'cele nieosiągnięte',
  broken: 'kontrakt zerwany',
};
export const SERVICE_SUBTYPE_LABELS: Record<string, string> = {
  szkola: 'w szkole', przedszkole: 'w przedszkolu', zlobek: 'w żłobku', inne: 'inne', zywnosc: 'żywność', odziez: 'odzież',
  srodki_czystosci: 'środki czystości', zwykle: 'zwykłe', specjalistyczne: 'specjalistyczne', psychologiczne: 'psychologiczne',
  prawne: 'prawne', rodzinne: 'rodzinne', uzaleznienia: 'uzależnienia',
};

const NBSP = '\u00a0';

/** Grosze as złote the Polish way: "1 229,00 zł" (thousands with a non-breaking space, so an amount never wraps). */
export function formatMoney(grosze: number | null | undefined): string {
  if (grosze === null || grosze === undefined) return '—';
  const abs = Math.abs(grosze);
  const zl = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${grosze < 0 ? '−' : ''}${zl},${String(abs % 100).padStart(2, '0')}${NBSP}zł`;
}

/** Grosze as a value for an input: "1229,00" (no unit, so it can be edited and read back). */
export function moneyInput(grosze: number | null | undefined): string {
  return grosze === null || grosze === undefined ? '' : `${Math.floor(grosze / 100)},${String(grosze % 100).padStart(2, '0')}`;
}

/**
 * Złote typed by a person ("1 229,50", "1229.5", "1229 zł") as grosze; null when it is not an amount.
 * Integer arithmetic only: money never passes through a float.
 */
export function parseMoney(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace(/zł$/i, '');
  const m = /^(\d{1,9})(?:[,.](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** "PL61 1090 1014 0000 0712 1981 2874" — an account number in groups of four, as printed on bank documents. */
export function formatIban(iban: string): string {
  return iban.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** "2026-11" → "listopad 2026" */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month || '—';
  const names = ['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień'];
  return `${names[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** The calendar month before the one of `iso` (YYYY-MM-DD) as YYYY-MM: the income reference month (art. 8 ust. 3). */
export function previousMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

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
  break_glass: 'Dostęp awaryjny', export: 'Eksport dziennika',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: 'konto', api_token: 'token API', centre: 'ośrodek', unit: 'jednostka', section: 'sekcja',
  street_range: 'zakres ulicy', household: 'środowisko', person: 'osoba', audit: 'dziennik audytu',
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
  contract_review_overdue: 'Zaległa ocena kontraktu socjalnego',
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

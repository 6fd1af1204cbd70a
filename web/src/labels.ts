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

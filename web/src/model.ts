// Shapes of the API responses used by the UI (docs/api.md).

export type Id = number | string;

export interface Address { street?: string; building?: string; postal_code?: string; locality?: string }

export interface Me {
  id: Id;
  login: string;
  full_name: string;
  roles: string[];
  permissions: string[];
  sections: { id: Id; name: string }[];
  centre: { id: Id; name: string } | null;
  csrf_token?: string;
}

export interface Centre { id: Id; name: string; teryt?: string; address?: Address }

export type UnitKind = 'division' | 'department' | 'branch' | 'specialised';
export interface Unit {
  id: Id; parent_id: Id | null; kind: UnitKind; name: string; short_name?: string; address?: Address; offer?: string;
}

export type Parity = 'all' | 'odd' | 'even';
export interface StreetRange { id: Id; locality: string; street: string; parity: Parity; from: number | null; to: number | null }

export interface Section {
  id: Id; unit_id: Id | null; number: string | number; name: string; address?: Address;
  street_count?: number; staff?: { id: Id; full_name: string }[]; streets?: StreetRange[];
}

export interface User {
  id: Id; login: string; full_name: string; roles: string[]; section_ids: Id[]; disabled: boolean;
  locked_until: number | null; failed_logins: number; restricted_access: boolean; created_at?: number;
}

export interface Role { code: string; name: string; permissions: string[] }

export interface AuditEntry {
  seq: number; at: number; user_id: Id | null; user_login: string | null; action: string;
  entity: string | null; entity_id: Id | null; person_id: Id | null; purpose: string | null; ip: string | null;
}

export interface ApiToken {
  id: Id; name: string; created_at: number; expires_at: number | null; last_used_at: number | null; revoked: boolean;
}

export interface Items<T> { items: T[]; total?: number }

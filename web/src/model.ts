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
  restricted_access?: boolean;
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

/** A client address slowed down or locked after failed logins into accounts of the centre. */
export interface AddressLock {
  address: string; failures: number; window_start: number; locked_until: number | null; locked: boolean;
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

// ---------- cases ----------

export interface Person {
  id: Id; pesel: string | null; document_type: string; document_number: string; first_name: string; last_name: string;
  birth_date: string; sex: 'K' | 'M'; citizenship: string; phone: string; email?: string; registered_address?: string;
  /** Adres faktycznego pobytu, beside the registered address (adres zameldowania). */
  actual_address?: string;
  education?: string; employment?: string; labour_office?: string; disability?: string;
  restricted: { health: string; addiction: string; violence: string } | null; restricted_hidden?: boolean;
  /** Not (yet) sent by the API: the person's current household, used for a link when present. */
  household_id?: Id | null;
}

export interface HouseholdAddress { locality: string; street: string; building: string; flat: string; postal_code: string }
export interface Member { relation: string; since: string; person: Person }
export interface Household {
  id: Id; section_id: Id | null; worker_id: Id | null; section_name?: string; worker_name?: string;
  address: HouseholdAddress; family_type: string;
  restricted_categories: string[]; via_break_glass: boolean; members: Member[];
}

/** GET /households/{id}/history: every membership, ended ones with their last day and reason. */
export interface Membership { person_id: Id; name: string; relation: string; since: string; until: string | null; end_reason: string }

/** POST /households: the new household and the section its address belongs to. */
export interface CreatedHousehold { id: Id; section: { id: Id; number: number; name: string } }

/** PATCH /households/{id}: the household after the change; in_scope false when it left the user's scope. */
export interface HouseholdUpdate {
  id: Id; section: { id: Id; number: number; name: string } | null; worker_id: Id | null; family_type: string;
  address: HouseholdAddress; in_scope: boolean;
}

export interface Interview {
  id: Id; household_id: Id; application_id: Id | null; kind: 'initial' | 'update' | 'change' | string;
  status: 'planned' | 'completed' | 'cancelled' | string; due_on: string; worker_id: Id | null; conducted_on: string | null;
  parts: Record<string, string>; health_hidden: boolean;
}

export interface Application {
  id: Id; number: string; household_id: Id; applicant: { id: Id; name: string }; mode: string; received_on: string;
  urgent: boolean; complex: boolean; forms: string[]; reasons: { code: string; point: string; wording: string }[];
  description: string; status: 'open' | 'decided' | 'withdrawn' | string; interview_due: string; decision_due: string;
  closed_on: string | null; interviews: Interview[];
}

export interface FormOfHelp { code: string; name: string; article: string; cash: boolean; continuing: boolean }
export interface Art7Reason { code: string; point: string; wording: string }

export interface WorkItem {
  kind: 'interview_overdue' | 'interview_due' | 'decision_overdue' | 'decision_due' | 'decision_expiring'
    | 'contract_review' | 'contract_review_overdue' | string; due_on: string; days_left: number; decision_id?: Id | null;
  household_id: Id; application_id: Id | null; application_number: string; interview_id: Id | null; worker_id: Id | null;
  section_id: Id | null; person: { id: Id; name: string }; address: string;
}
export interface WorkCount { worker_id: Id | null; worker_name: string; overdue: number; upcoming: number }
export interface SectionCount { section_id: Id | null; section_number: number | null; section_name: string; overdue: number; upcoming: number }
export interface Worklist {
  as_of: string; days: number; filter: { section_id: Id | null; worker_id: Id | null };
  items: WorkItem[]; by_worker: WorkCount[]; by_section: SectionCount[];
}

// ---------- decisions, payments, income, non-cash help ----------

export interface DecisionEvent { action: string; state: string; on: string; note: string; user: string; at: number }
export interface Decision {
  id: Id; number: string | null; application_id: Id | null; household_id: Id; person: { id: Id; name: string };
  kind: 'grant' | 'refuse' | 'change' | 'suspend' | 'withdraw' | string; form: string; form_name: string;
  period_from: string | null; period_to: string | null; amount_grosze: number; calculated_grosze: number | null;
  household_size: number | null; income_grosze: number | null; calculation: string[]; amount_justification: string;
  reasoning: string; changes_decision_id: Id | null; payment_method: 'transfer' | 'cash' | string; iban: string; state: string;
  issued_on: string | null; delivered_on: string | null; appeal_deadline: string | null; appealed_on: string | null;
  final_on: string | null; outcome_on: string | null; events: DecisionEvent[];
  /** Only in GET /decisions/{id}: the centre's legal-basis text, as printed. */
  legal_basis?: string;
}
export interface AmountPreview {
  calculated_grosze: number | null; min_grosze: number; max_grosze: number; fixed: boolean; required: boolean; explanation: string[];
}

export interface Payment {
  id: Id; decision_id: Id; decision_number: string | null; household_id: Id; person: { id: Id; name: string }; form: string;
  month: string; due_on: string; kind: 'regular' | 'correction' | string; method: string; iban: string; status: string;
  amount_grosze: number; list_id: Id | null; status_on: string | null;
}
export interface PaymentTotals { decision_id: Id; granted_grosze: number; payments_grosze: number; reconciled: boolean }
export interface PaymentListSummary {
  id: Id; number: string; payment_date: string; method: string; status: 'draft' | 'sent' | string; count: number; total_grosze: number;
}
export interface PaymentListDetail extends PaymentListSummary { payments: Payment[] }

export interface IncomeItem {
  id: Id; person_id: Id; type: string; month: string; amount_grosze: number; tax_grosze: number; health_grosze: number;
  social_grosze: number; alimony_paid_grosze: number; hectares_e4: number; source: string;
  /** Art. 8 ust. 12: the months the amount is due for, when received at once for a period. */
  period_from?: string | null; period_to?: string | null;
  counted_grosze: number; explanation: string;
}
/** One form of help: whether the income condition is met (always true when the form does not depend on income). */
export interface Eligibility {
  form: string; eligible: boolean; income_tested: boolean; criterion_grosze: number;
  /** Monthly amount of zasiłek stały / okresowy when eligible. */
  amount_grosze: number | null;
  /** The most one decision may grant (specjalny zasiłek celowy: the criterion; the gmina's limits). */
  max_amount_grosze: number | null;
  explanation: string[];
}
export interface IncomeAssessment {
  month: string; date: string; persons: number; total_grosze: number; per_person_grosze: number; items: IncomeItem[];
  eligibility: Eligibility[];
}
export interface IncomeType { code: string; name: string; one_off: boolean; farm: boolean; excluded: boolean; legal_basis: string | null }

export interface SocialWorkRecord {
  id: Id; household_id: Id; kind: 'entry' | 'contract' | 'community_work' | 'activation' | 'referral' | string;
  person_id: Id | null; on_date: string; until_date: string | null; review_on: string | null; hours: number; subtype: string;
  description: string; outcome: string; worker_id: Id | null;
}

export interface ServiceRecord {
  id: Id; household_id: Id; person_id: Id | null; decision_id: Id | null; kind: string; subtype: string; place: string;
  date_from: string; date_to: string; quantity: number; fee_grosze: number; note: string;
  /** The quantities with the days they were given (a consultation, a month's meals). */
  deliveries: { on_date: string; quantity: number }[];
  flat_id: Id | null;
  /** Care home (dps): the average monthly cost and each party's monthly share (art. 61 ust. 2). */
  care_home_fee?: { cost_grosze: number; resident_grosze: number; family_grosze: number; gmina_grosze: number };
}
export interface ShelteredFlat { id: Id; name: string; address: string; places: number; opened_on: string; closed_on: string | null }

/** GET /persons/{id}/timeline — one line of the person's history (newest first). */
export interface TimelineItem {
  on: string;
  kind: 'joined' | 'left' | 'application' | 'interview' | 'decision' | 'payment' | 'service' | 'social_work';
  id: Id; household_id: Id; code: string; subtype: string; state: string; number: string;
  amount_grosze: number | null; until: string | null;
}

/** GET /statistics/assistance — aggregates for a period (no personal data). */
export interface Statistics {
  from: string; to: string;
  families_by_form: Record<string, number>;
  in_kind_families: Record<string, number>;
  delivered: Record<string, number>;
  meals_children: number;
  sheltered: { flats: number; places: number; new_flats: number; persons: number; children: number };
  counselling: { persons: number; consultations: Record<string, number> };
  social_work: {
    families: number; contracts: number; community_work_persons: number; community_work_hours: number;
    activated_persons: number; activation: Record<string, number>; referrals: number;
  };
  care_homes: { residents: number; resident_fee_grosze: number; family_fee_grosze: number; gmina_fee_grosze: number };
}

/** A gmina resolution applied by the calculators (GET /gmina/resolutions). */
export interface GminaResolution {
  id: Id; kind: 'zasilek_okresowy_percent' | 'zasilek_celowy_max' | 'specjalny_zasilek_celowy_max' | string;
  valid_from: string; valid_to: string | null; percent: number | null; amount_grosze: number | null; resolution: string;
}
export interface GminaResolutions { date: string; in_force: Record<string, GminaResolution | null>; items: GminaResolution[] }

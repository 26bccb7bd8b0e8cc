import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

/** Booleans are stored as 0/1 on both engines. */
type Flag = number;
/** ISO-8601 timestamp text. */
type Timestamp = string;

export interface TerritoryTable {
  code: string;
  kind: string;
  name: string;
  search_name: string;
  departement_code: string | null;
  region_code: string | null;
  population: number | null;
  postal_codes: string;
}

export interface TerritoryMemberTable {
  group_code: string;
  member_code: string;
}

export interface OrganisationTable {
  id: Generated<number>;
  kind: string;
  name: string;
  search_name: string;
  territory_code: string | null;
  departement_code: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonTable {
  id: Generated<number>;
  first_name: string;
  last_name: string;
  search_name: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set when the person's personal data was erased (the name stays on signature records). */
  erased_at: string | null;
}

export interface MandateTable {
  id: Generated<number>;
  person_id: number;
  organisation_id: number;
  capacity: string;
  start_date: string | null;
  end_date: string | null;
}

export interface ThemeTable {
  code: string;
  label: string;
  description: string | null;
  caf_id: number | null;
  active: Flag;
  position: number;
  version: Generated<number>;
}

export interface ConventionTable {
  id: Generated<number>;
  title: string;
  caf_id: number;
  status: string;
  start_year: number;
  end_year: number;
  predecessor_id: number | null;
  summary: string | null;
  search_text: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConventionTerritoryTable {
  convention_id: number;
  territory_code: string;
  position: number;
}

export interface ConventionThemeTable {
  convention_id: number;
  theme_code: string;
}

export interface ConventionStatusChangeTable {
  id: Generated<number>;
  convention_id: number;
  from_status: string | null;
  to_status: string;
  /** The day the change took effect (e.g. the signature), when it differs from when it was recorded. */
  effective_date: string | null;
  changed_at: Timestamp;
  comment: string | null;
  actor: string;
}

export interface PartyTable {
  id: Generated<number>;
  convention_id: number;
  organisation_id: number;
  role: string;
  deliberation_ref: string | null;
  deliberation_date: string | null;
  commitments: string | null;
  position: number;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SignatureEventTable {
  id: Generated<number>;
  convention_id: number;
  date: string;
  place: string | null;
  kind: string;
  description: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SignatoryTable {
  id: Generated<number>;
  signature_event_id: number;
  person_id: number;
  party_id: number | null;
  capacity: string;
  position: number;
}

export interface AxisTable {
  id: Generated<number>;
  convention_id: number;
  title: string;
  position: number;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActionTable {
  id: Generated<number>;
  convention_id: number;
  axis_id: number | null;
  parent_id: number | null;
  title: string;
  description: string | null;
  pilot: string | null;
  /** Optional links of the pilot to an account and to an organisation (« Mon suivi », pilot-only editors). */
  pilot_user_id: number | null;
  pilot_organisation_id: number | null;
  /** JSON arrays of names, kept as text so both engines store them alike. */
  partners: string;
  target_public: string | null;
  scope: string | null;
  places: string;
  labels: string;
  status: string;
  highlighted: Flag;
  position: number;
  search_text: string;
  objectives: string | null;
  start_date: string | null;
  end_date: string | null;
  /** Required for en_pause, en_retard and abandonnee. */
  status_reason: string | null;
  priority: string | null;
  progress: number;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActionThemeTable {
  action_id: number;
  theme_code: string;
  /** The first theme is the action's main field. */
  position: number;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  entity_type: string;
  entity_id: string;
  operation: string;
  before_json: string | null;
  after_json: string | null;
  /** Why the change happened when it was not a direct edit, e.g. « COPIL du 12 décembre 2026 ». */
  origin: Generated<string | null>;
}

export interface AppUserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  person_id: number | null;
  password_hash: string | null;
  oidc_subject: string | null;
  is_platform_admin: Flag;
  status: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  last_login_at: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  erased_at: string | null;
}

export interface MembershipTable {
  id: Generated<number>;
  user_id: number;
  organisation_id: number;
  role: string;
  /** JSON array of convention ids when a Caf agent is limited to some conventions; null means all. */
  convention_ids: string | null;
  pilot_only: Flag;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface InvitationTable {
  id: Generated<number>;
  email: string;
  token_hash: string;
  organisation_id: number;
  role: string;
  invited_by: string;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  created_at: Timestamp;
}

export interface PasswordResetTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<number>;
  organisation_id: number | null;
  name: string;
  token_hash: string;
  scope: string;
  is_platform: Flag;
  created_by: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SecurityEventTable {
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  event: string;
  ip: string | null;
  user_agent: string | null;
  details_json: string | null;
}

export interface CoverageTargetTable {
  id: Generated<number>;
  /** null: the national reference trajectory. */
  caf_id: number | null;
  year: number;
  /** Target share of the population covered, in basis points (1 % = 100). */
  rate_bp: number;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DataSeriesTable {
  id: Generated<number>;
  code: string;
  label: string;
  unit: string;
  source: string | null;
  layout: string;
  /** Counts published rounded (e.g. to 5 in the Cafdata files). */
  rounded_to: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DataValueTable {
  series_id: number;
  territory_code: string;
  reference_date: string;
  geo_vintage: string | null;
  value: number;
}

export interface NewsItemTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** Markdown, as people edited it. */
  body: string;
  /** The last generated text: a body that differs from it carries human edits. */
  generated_title: string;
  generated_body: string;
  status: string;
  period_from: string | null;
  period_to: string | null;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
  published_at: Timestamp | null;
  published_by: string | null;
  archived_at: Timestamp | null;
  archived_by: string | null;
  version: Generated<number>;
}

export interface NewsItemSignatureTable {
  news_item_id: number;
  signature_event_id: number;
  convention_id: number;
  position: number;
}

export interface ConventionSourceTable {
  convention_id: number;
  source_name: string | null;
  text: string;
  created_at: Timestamp;
  actor: string;
}

export interface ActionAxisTable {
  action_id: number;
  axis_id: number;
}

export interface BudgetLineTable {
  id: Generated<number>;
  action_id: number;
  year: number;
  funder: string;
  /** investissement | fonctionnement */
  nature: string;
  planned_cents: number;
  actual_cents: number | null;
  position: number;
}

export interface FacilityTable {
  id: Generated<number>;
  action_id: number;
  kind: string;
  name: string;
  capacity: number | null;
  position: number;
}

export interface ActionNoteTable {
  id: Generated<number>;
  action_id: number;
  date: string;
  author: string;
  body: string;
  created_at: Timestamp;
}

export interface ActionDocumentTable {
  id: Generated<number>;
  action_id: number;
  filename: string;
  media_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface IndicatorTable {
  id: Generated<number>;
  convention_id: number;
  action_id: number | null;
  axis_id: number | null;
  title: string;
  kind: string;
  unit: string;
  direction: string;
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  /** 1 when the figures are made up for the demonstration. */
  illustrative: Flag;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IndicatorValueTable {
  id: Generated<number>;
  indicator_id: number;
  date: string;
  value: number;
  source: string | null;
  comment: string | null;
  created_at: Timestamp;
}

export interface ReviewTable {
  id: Generated<number>;
  convention_id: number;
  /** annual | final */
  kind: string;
  year: number;
  snapshot_date: string;
  /** brouillon | valide */
  status: string;
  /** JSON: narrative per axis. */
  narratives: string;
  /** JSON: the final evaluation's four criteria. */
  evaluation: string | null;
  /** JSON: frozen at validation. */
  snapshot: string | null;
  validated_at: Timestamp | null;
  validated_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanVersionTable {
  id: Generated<number>;
  convention_id: number;
  number: number;
  label: string;
  /** JSON: the axes and actions as they stood. */
  snapshot: string;
  created_at: Timestamp;
  created_by: string;
}

export interface AmendmentTable {
  id: Generated<number>;
  convention_id: number;
  number: number;
  title: string;
  date: string;
  summary: string | null;
  /** JSON array of the signing parties' names. */
  signed_by: string;
  plan_version_id: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The reference an imported spreadsheet row carries, and the object it designates. */
export interface PlanExternalRefTable {
  convention_id: number;
  /** action */
  kind: string;
  ref: string;
  object_id: number;
  created_at: Timestamp;
}

export interface GovernanceBodyTable {
  id: Generated<number>;
  convention_id: number;
  /** copil | comite_technique | comite_thematique | groupe_travail */
  kind: string;
  name: string;
  frequency: string;
  /** JSON: [{ name, organisation, role, email }] */
  members: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeetingTable {
  id: Generated<number>;
  body_id: number;
  convention_id: number;
  /** Local date and time « YYYY-MM-DDTHH:MM » (Europe/Paris). */
  starts_at: string;
  duration_minutes: number;
  place: string | null;
  visio_url: string | null;
  /** JSON: [{ title, axisId, actionId, indicatorId }] */
  agenda: string;
  /** JSON: [{ name, organisation, present }] */
  attendance: string;
  minutes: string | null;
  /** planifiee | validee */
  status: string;
  invitations_sent_at: Timestamp | null;
  validated_at: Timestamp | null;
  validated_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DecisionTable {
  id: Generated<number>;
  meeting_id: number;
  /** action_status | action_create | indicator_target | note */
  kind: string;
  summary: string;
  /** JSON: the proposal's parameters. */
  payload: string;
  /** proposee | appliquee */
  status: string;
  /** What applying it made or changed, e.g. « action:42 ». */
  result_ref: string | null;
  /** Follow-up noted at a later meeting. */
  follow_up: string | null;
  position: number;
  created_at: Timestamp;
  applied_at: Timestamp | null;
}

export interface CampaignTable {
  id: Generated<number>;
  caf_id: number;
  title: string;
  /** The period whose values are updated, then locked when the campaign closes. */
  year: number;
  due_date: string;
  /** ouverte | close */
  status: string;
  opened_by: string;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  version: Generated<number>;
}

export interface CampaignConventionTable {
  campaign_id: number;
  convention_id: number;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  /** One notification per person and event: a second one for the same key is not written. */
  event_key: string;
  title: string;
  body: string;
  link: string | null;
  needs_action: Flag;
  read_at: Timestamp | null;
  /** When a weekly digest carried it (people who prefer the digest). */
  digested_at: Timestamp | null;
  created_at: Timestamp;
}

export interface NotificationPreferenceTable {
  user_id: number;
  /** immediate | digest */
  mode: string;
  updated_at: Timestamp;
}

/** One row (id 1): moved on by triggers on every write to a table read by cached endpoints. */
export interface DataVersionTable {
  id: number;
  value: number;
  last_txid: number | null;
}

/** The value of `data_version` row 1 after the last write to a table feeding cached answers (ADR 0022). */
export interface TableVersionTable {
  name: string;
  value: number;
}

/** The secret calendar address of an account (hash only). */
export interface CalendarFeedTable {
  user_id: number;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: string | null;
}

/** A URL an administrator registered for some events; `organisation_id` null: every Caf. */
export interface WebhookTable {
  id: Generated<number>;
  organisation_id: number | null;
  url: string;
  description: string | null;
  /** JSON list of event names. */
  events: string;
  /** HMAC-SHA256 key, needed in clear to sign each delivery; shown once to the administrator. */
  secret: string;
  active: Flag;
  created_by: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  webhook_id: number;
  event: string;
  event_id: string;
  /** The JSON body sent, byte for byte, on every attempt. */
  payload: string;
  status: string;
  created_at: Timestamp;
  finished_at: string | null;
}

export interface WebhookAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  attempt: number;
  at: Timestamp;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
}

/** A creating request's idempotency key, per caller, with the response to replay. */
export interface IdempotencyKeyTable {
  /** "user:12", "token:3" */
  principal: string;
  key: string;
  /** sha256 of method, path and body: the same key with another request is refused */
  request_hash: string;
  /** pending while the first request runs, then done */
  status: 'pending' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: Timestamp;
}

export interface Database {
  territory: TerritoryTable;
  territory_member: TerritoryMemberTable;
  organisation: OrganisationTable;
  person: PersonTable;
  mandate: MandateTable;
  theme: ThemeTable;
  convention: ConventionTable;
  convention_territory: ConventionTerritoryTable;
  convention_theme: ConventionThemeTable;
  convention_status_change: ConventionStatusChangeTable;
  party: PartyTable;
  signature_event: SignatureEventTable;
  signatory: SignatoryTable;
  axis: AxisTable;
  action: ActionTable;
  action_theme: ActionThemeTable;
  audit_event: AuditEventTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  user_session: UserSessionTable;
  invitation: InvitationTable;
  password_reset: PasswordResetTable;
  api_token: ApiTokenTable;
  security_event: SecurityEventTable;
  coverage_target: CoverageTargetTable;
  data_series: DataSeriesTable;
  data_value: DataValueTable;
  news_item: NewsItemTable;
  news_item_signature: NewsItemSignatureTable;
  convention_source: ConventionSourceTable;
  action_axis: ActionAxisTable;
  budget_line: BudgetLineTable;
  facility: FacilityTable;
  action_note: ActionNoteTable;
  action_document: ActionDocumentTable;
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  review: ReviewTable;
  plan_version: PlanVersionTable;
  amendment: AmendmentTable;
  plan_external_ref: PlanExternalRefTable;
  data_version: DataVersionTable;
  table_version: TableVersionTable;
  idempotency_key: IdempotencyKeyTable;
  calendar_feed: CalendarFeedTable;
  webhook: WebhookTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
  job: JobTable;
  governance_body: GovernanceBodyTable;
  meeting: MeetingTable;
  decision: DecisionTable;
  campaign: CampaignTable;
  campaign_convention: CampaignConventionTable;
  notification: NotificationTable;
  notification_preference: NotificationPreferenceTable;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobTable {
  id: Generated<number>;
  kind: string;
  /** JSON text. */
  payload: string;
  dedupe_key: string | null;
  status: JobStatus;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export type Db = Kysely<Database>;
/** A database handle or an open transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;
export type DialectName = 'sqlite' | 'postgres';
export type { ColumnType };

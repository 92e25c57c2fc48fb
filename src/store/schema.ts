/**
 * Table types as Kysely sees them. Both dialects store ids as UUIDv7 text, times as
 * UTC ISO-8601 text and JSON as text, so that one repository serves both and a
 * backup moves between them unchanged.
 */
export interface PersonTable {
  id: string;
  display_name: string;
  name_key: string;
  given_name: string | null;
  family_name: string | null;
  nickname: string | null;
  pronouns: string | null;
  location: string | null;
  birthday: string | null;
  how_met: string | null;
  met_on: string | null;
  introduced_by_id: string | null;
  tier: string | null;
  custom_fields: string;
  archived_at: string | null;
  last_contact_at: string | null;
  birthday_md: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonEmailTable {
  email: string;
  person_id: string;
  label: string | null;
  ordinal: number;
}

export interface PersonPhoneTable {
  person_id: string;
  phone: string;
  label: string | null;
  ordinal: number;
}

export interface PersonUrlTable {
  person_id: string;
  url: string;
  kind: string;
  ordinal: number;
}

export interface OrganizationTable {
  id: string;
  name: string;
  name_key: string;
  domain: string | null;
  industry: string | null;
  location: string | null;
  created_at: string;
  updated_at: string;
}

export interface PositionTable {
  id: string;
  person_id: string;
  organization_id: string;
  title: string | null;
  start_date: string | null;
  end_date: string | null;
  created_at: string;
}

export interface InteractionTable {
  id: string;
  kind: string;
  occurred_at: string;
  duration_minutes: number | null;
  direction: string;
  summary: string | null;
  source: string;
  external_id: string | null;
  created_at: string;
}

export interface InteractionParticipantTable {
  interaction_id: string;
  person_id: string;
  role: string;
}

export interface NoteTable {
  id: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface NotePersonTable {
  note_id: string;
  person_id: string;
}

export interface TagTable {
  id: string;
  name: string;
  created_at: string;
}

export interface PersonTagTable {
  person_id: string;
  tag_id: string;
}

export interface RelationshipTable {
  id: string;
  from_person_id: string;
  to_person_id: string;
  kind: string;
  created_at: string;
}

export interface NameTokenTable {
  token: string;
  person_id: string;
}

export interface NameKeyTable {
  key: string;
  token: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface ContactStatsTable {
  person_id: string;
  interactions: number;
  first_at: string | null;
  last_at: string | null;
  outbound: number;
  inbound: number;
  mutual: number;
  richness_sum: number;
  decayed_short: number;
  decayed_long: number;
  ref_at: string | null;
}

export interface CadenceTable {
  scope: string;
  target: string;
  ideal_days: number | null;
  max_days: number | null;
}

export interface ReminderTable {
  id: string;
  person_id: string | null;
  kind: string;
  title: string;
  local_start: string;
  timezone: string;
  rrule: string | null;
  due_at: string;
  snoozed_until: string | null;
  done_at: string | null;
  created_at: string;
}

export interface QueueActionTable {
  person_id: string;
  action: string;
  until: string;
  created_at: string;
}

export interface PersonSourceTable {
  source: string;
  external_id: string;
  person_id: string;
  fingerprint: string;
  imported_at: string;
}

export interface PersonPhotoTable {
  person_id: string;
  media_type: string;
  data: string;
}

export interface DupeDismissalTable {
  person_a: string;
  person_b: string;
  created_at: string;
}

export interface AccountTable {
  id: number;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id_hash: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  name: string;
  scope: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface AudienceTable {
  id: string;
  name: string;
  description: string | null;
  filter: string;
  created_at: string;
}

export interface GoalTable {
  id: string;
  title: string;
  why: string | null;
  target_date: string | null;
  audience_id: string | null;
  status: string;
  created_at: string;
  done_at: string | null;
}

export interface KeyResultTable {
  id: string;
  goal_id: string;
  metric: string;
  target: number;
  period: string;
  ordinal: number;
}

export interface EventTable {
  id: string;
  name: string;
  kind: string;
  starts_on: string;
  place: string | null;
  link: string | null;
  status: string;
  pitch: string | null;
  created_at: string;
}

export interface EventAttendeeTable {
  event_id: string;
  person_id: string;
  role: string;
}

export interface ExchangeTable {
  id: string;
  person_id: string;
  direction: string;
  kind: string;
  description: string | null;
  occurred_on: string;
  created_at: string;
}

export interface OpportunityTable {
  id: string;
  title: string;
  kind: string;
  stage: string;
  organization_id: string | null;
  goal_id: string | null;
  next_step: string | null;
  due_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface OpportunityPersonTable {
  opportunity_id: string;
  person_id: string;
}

export interface IntroductionTable {
  id: string;
  person_a: string;
  person_b: string;
  why: string | null;
  status: string;
  outcome: string | null;
  created_at: string;
  updated_at: string;
}

export interface MentorshipTable {
  id: string;
  person_id: string;
  role: string;
  focus: string | null;
  started_on: string;
  ended_on: string | null;
  created_at: string;
}

export interface BrandItemTable {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  audience: string | null;
  url: string | null;
  published_on: string | null;
  active: number;
  created_at: string;
}

export interface BrandEngagementTable {
  item_id: string;
  person_id: string;
}

export interface Database {
  person: PersonTable;
  person_email: PersonEmailTable;
  person_phone: PersonPhoneTable;
  person_url: PersonUrlTable;
  organization: OrganizationTable;
  position: PositionTable;
  interaction: InteractionTable;
  interaction_participant: InteractionParticipantTable;
  note: NoteTable;
  note_person: NotePersonTable;
  tag: TagTable;
  person_tag: PersonTagTable;
  relationship: RelationshipTable;
  name_token: NameTokenTable;
  name_key: NameKeyTable;
  setting: SettingTable;
  contact_stats: ContactStatsTable;
  cadence: CadenceTable;
  reminder: ReminderTable;
  queue_action: QueueActionTable;
  person_source: PersonSourceTable;
  person_photo: PersonPhotoTable;
  dupe_dismissal: DupeDismissalTable;
  account: AccountTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  audience: AudienceTable;
  goal: GoalTable;
  key_result: KeyResultTable;
  event: EventTable;
  event_attendee: EventAttendeeTable;
  exchange: ExchangeTable;
  opportunity: OpportunityTable;
  opportunity_person: OpportunityPersonTable;
  introduction: IntroductionTable;
  mentorship: MentorshipTable;
  brand_item: BrandItemTable;
  brand_engagement: BrandEngagementTable;
}

-- Entries (报名): the people and teams taking part in an event, the competition's own registration
-- fields, uploaded files, and each entry's place in a round (numbers from the draw).
-- Personal data follows PIPL: ID numbers are stored encrypted (AES-256-GCM, see
-- src/lib/server/crypto/personal-data.ts) with a keyed hash for duplicate checks and a masked copy
-- for display; consent is recorded with its time and the notice's version.

alter table competition
	-- Registration closes at this moment (organisers enter it in Asia/Shanghai time), or when the stage moves on.
	add column registration_closes_at timestamptz,
	-- Whether one person (by ID number) may enter several events of the competition.
	add column allow_multiple_events boolean not null default true,
	-- The organiser's notice on personal information that contestants consent to, and its version
	-- (raised each time the text changes, so a consent names the exact text it was given to).
	add column privacy_notice text not null default '' check (length(privacy_notice) <= 10000),
	add column privacy_notice_version integer not null default 1 check (privacy_notice_version >= 1),
	-- Screening's two-person rule: an approval needs two different reviewers.
	add column screening_two_person boolean not null default false;

-- A team event's team size (leader included).
alter table event
	add column team_min_members integer not null default 2 check (team_min_members between 2 and 50),
	add column team_max_members integer not null default 5 check (team_max_members between 2 and 50),
	add constraint event_team_size_order check (team_max_members >= team_min_members);

-- The competition's own fields on the registration form (e.g. 工龄, 获奖情况, 申报表).
create table registration_field (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	competition_id uuid not null,
	key text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
	label text not null check (length(label) between 1 and 100),
	kind text not null check (kind in ('text', 'number', 'date', 'choice', 'multi_choice', 'file')),
	-- The choices of a choice field, in order; empty for other kinds.
	options jsonb not null default '[]'::jsonb check (jsonb_typeof(options) = 'array'),
	required boolean not null default false,
	position integer not null,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (competition_id, key),
	foreign key (organisation_id, competition_id) references competition (organisation_id, id) on delete cascade
);

-- One entry per person (individual event) or team (team event) in an event.
create table entry (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	competition_id uuid not null,
	event_id uuid not null,
	-- The account that registered and may follow the entry (null for entries an organiser imported).
	registrant_id uuid references app_user (id) on delete set null,
	-- A team's name (team events only).
	team_name text check (team_name is null or length(team_name) between 1 and 100),
	-- 单位: the employer, used for team ranking and conflicts of interest. A team's unit.
	unit text not null check (length(unit) between 1 and 200),
	-- submitted → approved / rejected by screening; waitlisted when the event is full; withdrawn by the contestant.
	status text not null default 'submitted' check (status in ('submitted', 'approved', 'rejected', 'waitlisted', 'withdrawn')),
	-- Why it was rejected (shown to the contestant), or why it was withdrawn.
	status_reason text not null default '' check (length(status_reason) <= 1000),
	source text not null check (source in ('self', 'import', 'api', 'organiser')),
	-- Values of the competition's registration fields, by key; file fields hold attachment ids.
	extra jsonb not null default '{}'::jsonb check (jsonb_typeof(extra) = 'object'),
	consented_at timestamptz,
	consent_version integer,
	-- Order of arrival: the waiting list is first come, first served, even within one imported list
	-- (whose rows share a transaction's now()).
	arrival bigint generated always as identity,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (organisation_id, id),
	foreign key (organisation_id, competition_id) references competition (organisation_id, id) on delete cascade,
	foreign key (organisation_id, event_id) references event (organisation_id, id) on delete cascade
);
create index entry_event_status_idx on entry (event_id, status, arrival);
create index entry_competition_idx on entry (organisation_id, competition_id, status);
create index entry_registrant_idx on entry (registrant_id);

-- The people of an entry: one for an individual entry, the members of a team (position 0 = leader).
create table entry_member (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	entry_id uuid not null,
	-- Copied from the entry so "one person once per event" is a unique index.
	event_id uuid not null,
	competition_id uuid not null,
	position integer not null check (position >= 0),
	name text not null check (length(name) between 1 and 100),
	gender text not null check (gender in ('female', 'male')),
	id_type text not null check (id_type in ('resident_id', 'residence_permit', 'hk_macao_permit', 'taiwan_permit', 'passport')),
	-- base64(iv ‖ tag ‖ ciphertext), AES-256-GCM; never logged, never sent to the public.
	id_number_cipher text not null,
	-- HMAC-SHA-256 of the normalised number under a key derived from the secret key: finds duplicates.
	id_number_hash text not null check (id_number_hash ~ '^[0-9a-f]{64}$'),
	-- What people see: 330523********1234.
	id_number_masked text not null,
	birth_date date,
	-- Mainland mobile, 11 digits.
	phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
	unit text not null check (length(unit) between 1 and 200),
	trade text not null default '' check (length(trade) <= 100),
	level text check (level in ('junior', 'intermediate', 'senior', 'technician', 'senior_technician')),
	-- False once the entry is withdrawn: the person may then register for the event again.
	active boolean not null default true,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (entry_id, position),
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);
create unique index entry_member_once_per_event_key on entry_member (event_id, id_number_hash) where active;
create index entry_member_competition_hash_idx on entry_member (competition_id, id_number_hash) where active;
create index entry_member_entry_idx on entry_member (entry_id);

-- Uploaded files (申报表 scans, photos, evidence). The bytes live under the data directory, never in the
-- web root; the content type is the one sniffed from the bytes, not the one the browser claimed.
create table attachment (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	competition_id uuid not null,
	-- Null while the file is uploaded but the entry is not yet submitted.
	entry_id uuid,
	field_key text not null check (field_key ~ '^[a-z][a-z0-9_]{0,39}$'),
	original_name text not null check (length(original_name) between 1 and 255),
	content_type text not null,
	size_bytes integer not null check (size_bytes > 0),
	sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
	-- Path relative to the uploads directory.
	storage_key text not null unique,
	uploaded_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	foreign key (organisation_id, competition_id) references competition (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);
create index attachment_entry_idx on attachment (entry_id);

-- An entry's place in a round: its contestant number (参赛号, draw stage 1), running order and station
-- (顺序号/工位号, stage 2) and marking number (评审号, stage 3). Later rounds get rows on advancement.
create table round_entry (
	organisation_id uuid not null,
	round_id uuid not null,
	entry_id uuid not null,
	number integer check (number is null or number > 0),
	running_order integer check (running_order is null or running_order > 0),
	station text check (station is null or length(station) between 1 and 20),
	marking_number integer check (marking_number is null or marking_number > 0),
	created_at timestamptz not null default now(),
	primary key (round_id, entry_id),
	unique (round_id, number),
	unique (round_id, running_order),
	unique (round_id, marking_number),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);
create index round_entry_entry_idx on round_entry (entry_id);

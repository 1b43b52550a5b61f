-- Live judging (DESIGN.md §4): judges' score sheets, the operations that wrote them (replays change
-- nothing), the tablets judges score on, absences the head judge records, and what the panel enters
-- beside the sheets: deduction counts, entered values (typed twice by two people) and finish times.
-- Scores are integer hundredths everywhere (12.5 points = 1250), like the engine's input.

-- One judge's sheet for one entry in one `judges` component of a round.
create table score_sheet (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	round_id uuid not null,
	entry_id uuid not null,
	judge_id uuid not null,
	component_key text not null check (component_key ~ '^[A-Za-z0-9_-]{1,64}$'),
	-- Criterion key → integer hundredths; a criterion not yet scored is absent.
	scores jsonb not null default '{}'::jsonb check (jsonb_typeof(scores) = 'object'),
	-- Deduction item key → occurrences this judge counted at the bench (one tap each). The engine uses
	-- the panel's count per entry (deduction_count), which the head judge settles from these.
	deductions jsonb not null default '{}'::jsonb check (jsonb_typeof(deductions) = 'object'),
	note text not null default '' check (length(note) <= 1000),
	-- draft → submitted → locked (head judge sign-off); returned = sent back to its judge with a reason.
	status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'locked')),
	-- Raised by every write: a device sends the version it edited, so a write over a newer one is noticed.
	version integer not null default 1 check (version >= 1),
	-- Why the head judge returned or unlocked the sheet (shown to the judge).
	status_reason text not null default '' check (length(status_reason) <= 1000),
	-- How the last write arrived: a tablet, the API, or two clerks typing a paper sheet.
	source text not null default 'device' check (source in ('device', 'api', 'paper')),
	last_operation_id uuid,
	last_device_id uuid,
	submitted_at timestamptz,
	locked_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (round_id, entry_id, judge_id, component_key),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade,
	foreign key (organisation_id, judge_id) references judge (organisation_id, id) on delete cascade
);
create index score_sheet_round_idx on score_sheet (organisation_id, round_id, entry_id);
create index score_sheet_judge_idx on score_sheet (judge_id, round_id);

-- Every operation a client sent (tablet, API, paper entry), by the client's own id. Applying an id a
-- second time changes nothing and answers with the stored outcome.
create table score_operation (
	id uuid primary key,
	organisation_id uuid not null,
	round_id uuid not null,
	-- Whose sheet the operation wrote (null for operations that are not about one judge's sheet).
	judge_id uuid,
	actor_id uuid references app_user (id) on delete set null,
	device_id uuid,
	kind text not null check (length(kind) between 1 and 40),
	-- The acknowledgement the first application produced, sent again on replay.
	outcome jsonb not null,
	-- The device's clock when the judge tapped (for the record and for clock skew), and the server's.
	client_time timestamptz,
	received_at timestamptz not null default now(),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade
);
create index score_operation_round_idx on score_operation (organisation_id, round_id, received_at);

-- A tablet a judge signed in on. The session is bound to it; revoking the device ends the session.
create table judge_device (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	judge_id uuid not null,
	-- The session the device signed in with (sessions are stored by the hash of their token).
	session_id text references session (id) on delete set null,
	user_agent text not null default '' check (length(user_agent) <= 500),
	app_version text not null default '' check (length(app_version) <= 50),
	-- What the device last reported: operations not yet acknowledged, and its clock minus the server's.
	outbox_size integer not null default 0 check (outbox_size >= 0),
	clock_skew_ms integer,
	last_seen_at timestamptz,
	revoked_at timestamptz,
	revoked_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	foreign key (organisation_id, judge_id) references judge (organisation_id, id) on delete cascade
);
create index judge_device_judge_idx on judge_device (organisation_id, judge_id);
create index judge_device_session_idx on judge_device (session_id);

-- The head judge records that a judge will not score an entry (absent, ill, called away), with a
-- reason, so sign-off does not wait for that sheet. The engine treats the judge as absent.
create table judge_absence (
	organisation_id uuid not null,
	round_id uuid not null,
	entry_id uuid not null,
	judge_id uuid not null,
	reason text not null check (length(reason) between 1 and 500),
	recorded_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	primary key (round_id, entry_id, judge_id),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade,
	foreign key (organisation_id, judge_id) references judge (organisation_id, id) on delete cascade
);

-- Occurrences of each deduction item for an entry, recorded once per entry by the panel
-- ("3号选手，有1个结尾超3毫米").
create table deduction_count (
	organisation_id uuid not null,
	round_id uuid not null,
	entry_id uuid not null,
	component_key text not null check (component_key ~ '^[A-Za-z0-9_-]{1,64}$'),
	item_key text not null check (item_key ~ '^[A-Za-z0-9_-]{1,64}$'),
	count integer not null check (count between 0 and 10000),
	recorded_by uuid references app_user (id) on delete set null,
	updated_at timestamptz not null default now(),
	primary key (round_id, entry_id, component_key, item_key),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);

-- An `entered` component's value per entry (theory exam, measured result), in hundredths. A typed
-- value is stored here only when a second person's blind re-entry matches it (entered_value_keying
-- holds each person's keying until then); an import writes it directly, all or nothing.
create table entered_value (
	organisation_id uuid not null,
	round_id uuid not null,
	entry_id uuid not null,
	component_key text not null check (component_key ~ '^[A-Za-z0-9_-]{1,64}$'),
	value integer not null check (value >= 0),
	source text not null check (source in ('double_entry', 'import', 'api')),
	recorded_by uuid references app_user (id) on delete set null,
	confirmed_by uuid references app_user (id) on delete set null,
	updated_at timestamptz not null default now(),
	primary key (round_id, entry_id, component_key),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);

-- Each person's keying of a typed value (or of a paper sheet, kind = 'sheet'), kept until the two agree.
create table entered_value_keying (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	round_id uuid not null,
	entry_id uuid not null,
	-- 'entered:<component>' for a value, 'sheet:<judge id>:<component>' for a paper sheet.
	target text not null check (length(target) between 1 and 120),
	-- The value typed (a number of hundredths, or a sheet's criterion → hundredths object).
	typed jsonb not null,
	keyed_by uuid not null references app_user (id) on delete cascade,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (round_id, entry_id, target, keyed_by),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);

-- When an entry finished (for the `earlier_finish` tie-break): earlier is better.
create table finish_time (
	organisation_id uuid not null,
	round_id uuid not null,
	entry_id uuid not null,
	finished_at timestamptz not null,
	recorded_by uuid references app_user (id) on delete set null,
	updated_at timestamptz not null default now(),
	primary key (round_id, entry_id),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);

-- Sign-off (裁判长签字): who locked the round's scores (scores_locked_at is the when, from 0013), and
-- whether the public board may show provisional standings.
alter table round
	add column signed_off_by uuid references app_user (id) on delete set null,
	add column board_shows_standings boolean not null default false;

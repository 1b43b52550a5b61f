-- Public notice (公示), objections (异议) and appeals (申诉) — issue 17, the publication part.
-- The results themselves (versions, placings, the round's notice window) are 0026's; this adds who may
-- arbitrate, what the public and the contestants raise against a published version, and the in-app
-- notifications that tell the people involved what was decided.

-- The arbitration group (仲裁组) of a competition: members of the organisation the organiser names.
-- Leaving the organisation ends the seat (the membership foreign key cascades).
create table arbitrator (
	organisation_id uuid not null,
	competition_id uuid not null,
	user_id uuid not null,
	created_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	primary key (competition_id, user_id),
	foreign key (organisation_id, competition_id) references competition (organisation_id, id) on delete cascade,
	foreign key (organisation_id, user_id) references membership (organisation_id, user_id) on delete cascade
);
create index arbitrator_user_idx on arbitrator (organisation_id, user_id);

-- An objection lodged by anyone during the notice window against the version on notice. The contact
-- is personal data: encrypted like ID numbers, never shown publicly. The IP is kept only as a keyed
-- hash, to limit how many objections one address lodges.
create table objection (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	round_id uuid not null,
	result_version_id uuid not null,
	objector_name text not null check (length(objector_name) between 1 and 100),
	contact_cipher text not null,
	body text not null check (length(body) between 1 and 4000),
	-- An optional file (size-capped, type sniffed), kept under the uploads directory.
	attachment_name text check (attachment_name is null or length(attachment_name) between 1 and 255),
	attachment_type text,
	attachment_size integer check (attachment_size is null or attachment_size > 0),
	attachment_key text unique,
	ip_hash text not null check (ip_hash ~ '^[0-9a-f]{64}$'),
	status text not null default 'open' check (status in ('open', 'answered')),
	answer text check (answer is null or length(answer) between 1 and 4000),
	answered_by uuid references app_user (id) on delete set null,
	answered_at timestamptz,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	check ((status = 'answered') = (answer is not null and answered_at is not null)),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, result_version_id) references result_version (organisation_id, id) on delete cascade
);
create index objection_round_idx on objection (organisation_id, round_id, created_at);
create index objection_ip_idx on objection (ip_hash, created_at);

-- An appeal by a contestant (or a team's leader, who registered the team) about their own entry,
-- within the round's appeal window. The arbitration group dismisses or upholds it with a reason; an
-- upheld appeal may require a re-score, which ends in a new result version (rescored_version_id).
create table appeal (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	round_id uuid not null,
	entry_id uuid not null,
	-- The version on notice when it was filed (null when none was published yet).
	result_version_id uuid,
	filed_by uuid references app_user (id) on delete set null,
	body text not null check (length(body) between 1 and 4000),
	status text not null default 'open' check (status in ('open', 'dismissed', 'upheld')),
	requires_rescore boolean not null default false,
	decision_reason text check (decision_reason is null or length(decision_reason) between 1 and 2000),
	decided_by uuid references app_user (id) on delete set null,
	decided_at timestamptz,
	rescored_version_id uuid,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	check ((status = 'open') = (decided_at is null)),
	check (status <> 'open' or decision_reason is null),
	check (not requires_rescore or status = 'upheld'),
	check (rescored_version_id is null or requires_rescore),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade,
	foreign key (organisation_id, result_version_id) references result_version (organisation_id, id),
	foreign key (organisation_id, rescored_version_id) references result_version (organisation_id, id)
);
create index appeal_round_idx on appeal (organisation_id, round_id, created_at);
create index appeal_filed_by_idx on appeal (filed_by);

-- What the app tells one person (an appeal filed, decided, re-scored): the message's key and its
-- parameters, so each reader sees it in their own language.
create table notification (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references organisation (id) on delete cascade,
	user_id uuid not null references app_user (id) on delete cascade,
	kind text not null check (kind in ('appeal_filed', 'appeal_decided', 'appeal_rescored')),
	params jsonb not null default '{}'::jsonb check (jsonb_typeof(params) = 'object'),
	link text not null default '' check (length(link) <= 500),
	read_at timestamptz,
	created_at timestamptz not null default now()
);
create index notification_user_idx on notification (user_id, created_at desc);

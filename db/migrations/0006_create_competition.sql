-- Competitions (技能竞赛 / 工匠评选), their events (工种) and rounds (初赛/决赛, 初审/评审).
-- Each row carries organisation_id, and child rows must belong to the same organisation as their
-- parent: the composite foreign keys make a cross-tenant link impossible even by mistake.

create table competition (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references organisation (id) on delete cascade,
	kind text not null check (kind in ('skills_contest', 'craftsman_award')),
	title text not null check (length(title) between 1 and 200),
	-- The organising bodies as printed on notices and certificates (主办单位), which may differ from the tenant.
	organiser text not null default '' check (length(organiser) <= 200),
	starts_on date,
	ends_on date check (ends_on is null or starts_on is null or ends_on >= starts_on),
	venue text not null default '' check (length(venue) <= 200),
	description text not null default '' check (length(description) <= 5000),
	-- Public address: /c/<slug>. Unique across the platform because the public pages are global.
	slug text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$'),
	status text not null default 'draft'
		check (status in ('draft', 'registration', 'screening', 'judging', 'review', 'notice', 'final')),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (organisation_id, id)
);
create index competition_org_idx on competition (organisation_id, created_at desc);

create table event (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	competition_id uuid not null,
	name text not null check (length(name) between 1 and 100),
	participation text not null default 'individual' check (participation in ('individual', 'team')),
	-- Contestants (or teams) the event takes; null means no limit.
	capacity integer check (capacity is null or capacity > 0),
	position integer not null,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (competition_id, name),
	foreign key (organisation_id, competition_id) references competition (organisation_id, id) on delete cascade
);

create table round (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	event_id uuid not null,
	name text not null check (length(name) between 1 and 100),
	-- Rounds run in this order; advancement goes from one to the next.
	position integer not null,
	-- Blind judging (加密评分): judges see contestant numbers only.
	blind boolean not null default true,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (event_id, position),
	foreign key (organisation_id, event_id) references event (organisation_id, id) on delete cascade
);

-- A round's marking scheme, versioned. Before judging the latest version is edited in place; once
-- judging starts it is frozen and a change is a new version with a reason, so a published result can
-- always be traced to the exact rules it was computed under.
create table scheme_version (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	round_id uuid not null,
	version integer not null check (version >= 1),
	scheme jsonb not null,
	reason text not null default '',
	created_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (round_id, version),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade
);

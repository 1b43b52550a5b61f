-- Upward recommendation (issue 17): a parent organisation's competition (a city award) takes nominations
-- from child organisations (its counties), each with a quota per event. Tenants are independent, so the
-- link takes both sides: the parent's organiser opens a quota for a child organisation on one event of
-- their competition; the child's managers then mark winners of their own final results up to it. A
-- recommendation creates an ordinary entry in the parent's competition (status submitted, source
-- recommendation) that the parent screens like any other, with the evidence kept beside it.

alter table entry drop constraint entry_source_check;
alter table entry add constraint entry_source_check check (source in ('self', 'import', 'api', 'organiser', 'recommendation'));

-- Belongs to the parent organisation (organisation_id); the child only reads its own invitations.
create table nomination_quota (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	competition_id uuid not null,
	event_id uuid not null,
	child_organisation_id uuid not null references organisation (id) on delete cascade,
	quota integer not null check (quota between 1 and 1000),
	created_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (event_id, child_organisation_id),
	check (child_organisation_id <> organisation_id),
	foreign key (organisation_id, competition_id) references competition (organisation_id, id) on delete cascade,
	foreign key (organisation_id, event_id) references event (organisation_id, id) on delete cascade
);
create index nomination_quota_competition_idx on nomination_quota (organisation_id, competition_id);
create index nomination_quota_child_idx on nomination_quota (child_organisation_id);

-- Belongs to the child organisation (organisation_id), which made it from one of its final placings; it
-- names the parent's quota and the entry it created there. The evidence (rank, total, tier, award,
-- certificate) is a snapshot of the immutable final version, so the parent reads it without reading
-- the child's tables.
create table recommendation (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	source_entry_id uuid not null,
	source_result_version_id uuid not null,
	parent_organisation_id uuid not null references organisation (id) on delete cascade,
	quota_id uuid not null,
	target_entry_id uuid not null,
	status text not null default 'active' check (status in ('active', 'withdrawn')),
	note text not null default '' check (length(note) <= 1000),
	source_organisation_name text not null,
	source_competition_title text not null,
	source_event_name text not null,
	holder_name text not null,
	rank integer not null check (rank >= 1),
	ranked_count integer not null check (ranked_count >= 1),
	-- Hundredths of a point.
	total integer not null,
	tier_label text,
	special_award text,
	certificate_serial text,
	certificate_code text,
	created_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	withdrawn_at timestamptz,
	withdraw_reason text check (withdraw_reason is null or length(withdraw_reason) <= 1000),
	unique (organisation_id, id),
	foreign key (organisation_id, source_entry_id) references entry (organisation_id, id) on delete cascade,
	foreign key (organisation_id, source_result_version_id) references result_version (organisation_id, id) on delete cascade,
	foreign key (parent_organisation_id, quota_id) references nomination_quota (organisation_id, id) on delete cascade,
	foreign key (parent_organisation_id, target_entry_id) references entry (organisation_id, id) on delete cascade
);
-- One live recommendation of an entry per quota (withdrawn ones stay as history).
create unique index recommendation_once_per_quota_key on recommendation (quota_id, source_entry_id) where status = 'active';
create index recommendation_quota_idx on recommendation (quota_id, status);
create index recommendation_target_idx on recommendation (parent_organisation_id, target_entry_id);
create index recommendation_source_idx on recommendation (organisation_id, created_at);

-- Screening (初审): organisers approve or reject entries with a reason. Each reviewer's decision is kept
-- (who, what, why, when), so the two-person rule can ask for two different reviewers and a
-- reconsidered decision keeps its history. The entry's status and status_reason stay the outcome the
-- contestant sees.

-- The organisation's preset reasons for rejecting (e.g. 工龄不足, 材料不全), offered beside free text.
create table screening_reason (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references organisation (id) on delete cascade,
	text text not null check (length(text) between 1 and 200),
	position integer not null check (position >= 0),
	created_at timestamptz not null default now(),
	unique (organisation_id, id)
);
create index screening_reason_organisation_idx on screening_reason (organisation_id, position);

create table screening_decision (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	entry_id uuid not null,
	reviewer_id uuid references app_user (id) on delete set null,
	-- Kept as written at the time, so the history reads the same after an account is removed.
	reviewer_label text not null,
	decision text not null check (decision in ('approve', 'reject')),
	reason text not null default '' check (length(reason) <= 1000),
	-- Whether it still counts towards the outcome: a rejection or a reconsideration starts the count
	-- of approvals afresh, and earlier decisions stay only as history.
	counted boolean not null default true,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);
create index screening_decision_entry_idx on screening_decision (entry_id, created_at);
-- One counted approval per reviewer and entry: the same reviewer approving twice is not two approvals.
create unique index screening_decision_one_approval_key on screening_decision (entry_id, reviewer_id) where counted and decision = 'approve';

-- The organisers' list pages through a competition's entries in order of arrival, filtered by status
-- and event, at thousands of entries.
create index entry_competition_arrival_idx on entry (organisation_id, competition_id, arrival);
create index entry_competition_event_idx on entry (organisation_id, competition_id, event_id, status, arrival);

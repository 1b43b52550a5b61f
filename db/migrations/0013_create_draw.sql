-- The draw (抽签): each stage of a round is committed (the SHA-256 of a fresh random seed is published
-- with the time), then run (deterministically from the seed, over the entries fixed at commitment),
-- then revealed (the seed is published and anyone can recompute the mapping; see
-- src/lib/domain/draw/shuffle.ts). Stage 1 gives contestant numbers (参赛号), stage 2 the running order
-- and station (顺序号/工位号), stage 3 marking numbers (评审号).

create table draw (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	round_id uuid not null,
	stage smallint not null check (stage in (1, 2, 3)),
	-- SHA-256 (hex) of the 32 seed bytes: published from the moment of commitment.
	seed_hash text not null check (seed_hash ~ '^[0-9a-f]{64}$'),
	-- The seed, AES-256-GCM under the 'draw-seed-encryption' key, until it is revealed.
	seed_cipher text not null,
	-- The entry ids drawn, sorted, fixed at commitment, and their SHA-256 digest (published with the commitment).
	entry_ids jsonb not null check (jsonb_typeof(entry_ids) = 'array'),
	entries_digest text not null check (entries_digest ~ '^[0-9a-f]{64}$'),
	-- Stage 2: the stations handed out in drawn order ("A01".."A30"); empty when the stage gives no stations.
	station_labels jsonb not null default '[]'::jsonb check (jsonb_typeof(station_labels) = 'array'),
	committed_at timestamptz not null default now(),
	committed_by uuid references app_user (id) on delete set null,
	ran_at timestamptz,
	ran_by uuid references app_user (id) on delete set null,
	-- What the run gave: [{entryId, value, station?}] in drawn order.
	result jsonb check (result is null or jsonb_typeof(result) = 'array'),
	revealed_at timestamptz,
	revealed_by uuid references app_user (id) on delete set null,
	seed text check (seed is null or seed ~ '^[0-9a-f]{64}$'),
	unique (organisation_id, id),
	unique (round_id, stage),
	check ((ran_at is null) = (result is null)),
	check ((revealed_at is null) = (seed is null)),
	check (revealed_at is null or ran_at is not null),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade
);
create index draw_organisation_round_idx on draw (organisation_id, round_id);

-- When the head judge locked the round's scores (issue 15 sets it). Until then the decoding table
-- (judge-visible number → person) stays sealed: only owners and the round's encryption judges open it.
alter table round add column scores_locked_at timestamptz;

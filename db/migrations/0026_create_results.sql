-- Results (issue 17, DESIGN.md §3): every computation of a round's results is kept as an immutable
-- version — the engine's whole output with the inputs' digest, the scheme version and the engine
-- version — so a published number can always be traced and recomputed, and a re-score after an appeal
-- is a new version beside the old one, never an edit. One placing row per entry and version carries
-- what certificates, workbooks and the public page read without unpacking the breakdown.

create table result_version (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	round_id uuid not null,
	version integer not null check (version >= 1),
	scheme_version integer not null check (scheme_version >= 1),
	engine_version text not null check (length(engine_version) between 1 and 40),
	-- SHA-256 (hex) of the canonical engine input the version was computed from.
	inputs_digest text not null check (inputs_digest ~ '^[0-9a-f]{64}$'),
	-- Why this version exists, in the organiser's or arbitration group's words ('' for a first computation).
	reason text not null default '' check (length(reason) <= 2000),
	-- The engine's RoundResult plus the display numbers and special awards in force: every published number.
	-- json, not jsonb: it is only ever read whole, and a 1,000-entry round's 2 MB is stored as sent
	-- rather than converted (which took most of a recompute's time).
	result json not null check (json_typeof(result) = 'object'),
	created_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (round_id, version),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade
);

create table result_placing (
	organisation_id uuid not null,
	result_version_id uuid not null,
	entry_id uuid not null,
	-- The number the entry was judged under (marking number, else contestant number).
	number integer,
	rank integer not null check (rank >= 1),
	-- Hundredths of a point.
	total integer not null,
	components jsonb not null check (jsonb_typeof(components) = 'object'),
	-- The scheme's tier key and its label at the time (e.g. first / 一等奖); null when in no tier.
	tier_key text check (tier_key is null or length(tier_key) between 1 and 64),
	tier_label text check (tier_label is null or length(tier_label) between 1 and 100),
	-- A special award (e.g. 工匠特别奖) given by hand, with its reason; null when none.
	special_award text check (special_award is null or length(special_award) between 1 and 100),
	advances boolean not null default false,
	primary key (result_version_id, entry_id),
	foreign key (organisation_id, result_version_id) references result_version (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);
create index result_placing_entry on result_placing (organisation_id, entry_id);

-- A special award given by hand (DESIGN §3): with a reason, audited; taken into the next version.
create table special_award (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	round_id uuid not null,
	entry_id uuid not null,
	title text not null check (length(title) between 1 and 100),
	reason text not null check (length(reason) between 1 and 1000),
	created_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (round_id, entry_id),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);

-- Where a round's results stand: revealed (numbers decoded to names), the version on public notice
-- with its window, and the final version that certificates and exports use.
alter table round
	add column results_revealed_at timestamptz,
	add column published_version_id uuid,
	add column notice_starts_at timestamptz,
	add column notice_ends_at timestamptz,
	add column final_version_id uuid,
	add column finalised_at timestamptz,
	add column finalised_by uuid references app_user (id) on delete set null,
	-- Appeals may be filed until this long after the round's scores are locked (default 2 hours).
	add column appeal_window_minutes integer not null default 120 check (appeal_window_minutes between 0 and 43200),
	add constraint round_published_version foreign key (organisation_id, published_version_id) references result_version (organisation_id, id),
	add constraint round_final_version foreign key (organisation_id, final_version_id) references result_version (organisation_id, id),
	add constraint round_notice_window check (notice_ends_at is null or notice_starts_at is null or notice_ends_at > notice_starts_at),
	add constraint round_final_is_finalised check ((final_version_id is null) = (finalised_at is null));

-- A version is a record, not a draft: nothing in it changes once written. Deleting is allowed only
-- through the round's cascade (an organisation or competition removed whole), never for a final one.
create function result_refuse_change() returns trigger language plpgsql as $$
begin
	if tg_op = 'UPDATE' then
		raise exception 'result versions are immutable (% on %)', tg_op, tg_table_name using errcode = 'P0001';
	end if;
	if tg_table_name = 'result_version' and exists (select 1 from round where final_version_id = old.id) then
		raise exception 'a final result version cannot be deleted' using errcode = 'P0001';
	end if;
	return old;
end;
$$;
create trigger result_version_immutable before update or delete on result_version
	for each row execute function result_refuse_change();
create trigger result_placing_immutable before update on result_placing
	for each row execute function result_refuse_change();

-- Once final, a round's result pointers stay: the final version cannot be swapped or withdrawn.
create function round_refuse_final_change() returns trigger language plpgsql as $$
begin
	if old.final_version_id is not null and (new.final_version_id is distinct from old.final_version_id
		or new.published_version_id is distinct from old.published_version_id
		or new.finalised_at is distinct from old.finalised_at) then
		raise exception 'the round''s results are final' using errcode = 'P0001';
	end if;
	return new;
end;
$$;
create trigger round_final_results_frozen before update on round
	for each row execute function round_refuse_final_change();

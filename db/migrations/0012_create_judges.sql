-- Judges (裁判 / 评委 / 专家), the panel of each round, and declared conflicts of interest.
-- A judge belongs to one competition's roster; an account (app_user) is linked when the judge accepts an
-- invitation, is created for them, or first signs in on a tablet with a one-time code.

create table judge (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	competition_id uuid not null,
	user_id uuid references app_user (id) on delete set null,
	name text not null check (length(name) between 1 and 100),
	-- 单位: a judge stands aside automatically for entries of the same unit.
	unit text not null default '' check (length(unit) <= 200),
	phone text not null default '' check (phone = '' or phone ~ '^1[3-9][0-9]{9}$'),
	specialty text not null default '' check (length(specialty) <= 200),
	email text check (email is null or (email = lower(email) and length(email) between 3 and 254)),
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (competition_id, user_id),
	foreign key (organisation_id, competition_id) references competition (organisation_id, id) on delete cascade
);
create index judge_competition_idx on judge (organisation_id, competition_id);
create index judge_user_idx on judge (user_id);

-- Who sits on a round's panel and as what: a scoring judge, the head judge (裁判长, exactly one per round,
-- who also scores unless the organiser says otherwise) or an encryption judge (加密裁判, who runs the draw
-- and may open the sealed decoding table). One person may hold several roles: one row per role.
create table panel_member (
	organisation_id uuid not null,
	round_id uuid not null,
	judge_id uuid not null,
	role text not null check (role in ('judge', 'head', 'encryption')),
	created_at timestamptz not null default now(),
	primary key (round_id, judge_id, role),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, judge_id) references judge (organisation_id, id) on delete cascade
);
create unique index panel_member_one_head_key on panel_member (round_id) where role = 'head';
create index panel_member_judge_idx on panel_member (judge_id);

-- Conflicts declared by a judge or an organiser. Same-unit conflicts are derived from the units and
-- need no row; a row for them only records that someone declared it explicitly too.
create table judge_conflict (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	judge_id uuid not null,
	entry_id uuid not null,
	kind text not null check (kind in ('same_employer', 'teacher_apprentice', 'relative', 'other')),
	note text not null default '' check (length(note) <= 500),
	declared_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (judge_id, entry_id, kind),
	foreign key (organisation_id, judge_id) references judge (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);
create index judge_conflict_entry_idx on judge_conflict (entry_id);

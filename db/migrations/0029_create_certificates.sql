-- Certificates (issue 17): printed from a competition's final results. The template is the organiser's
-- wording and layout per competition; a certificate keeps a snapshot of what it says (holder, award,
-- event, competition, date) so a later edit of names or wording never changes one already issued, and
-- is found publicly by a random verification code. Serials come from a counter row per organisation,
-- prefix and year, taken under its row lock, so they never repeat even when issued concurrently.

create table certificate_template (
	organisation_id uuid not null,
	competition_id uuid not null,
	orientation text not null default 'landscape' check (orientation in ('landscape', 'portrait')),
	title text not null default '荣誉证书' check (length(title) between 1 and 40),
	organiser_line text not null default '' check (length(organiser_line) <= 200),
	-- Placeholders {name} {award} {event} {competition} {unit} are filled per certificate.
	body text not null default '{name}在{competition}（{event}）中荣获{award}，特发此证，以资鼓励。' check (length(body) between 1 and 1000),
	-- The date printed on every certificate (e.g. the ceremony); null prints each one's issue date.
	printed_on date,
	seal_storage_key text check (seal_storage_key is null or length(seal_storage_key) <= 200),
	serial_prefix text not null default 'JX' check (serial_prefix ~ '^[A-Z0-9]{1,12}$'),
	serial_width integer not null default 4 check (serial_width between 3 and 8),
	updated_by uuid references app_user (id) on delete set null,
	updated_at timestamptz not null default now(),
	primary key (organisation_id, competition_id),
	foreign key (organisation_id, competition_id) references competition (organisation_id, id) on delete cascade
);

-- The last sequence number used per organisation, prefix and year: `update … returning` under the row lock.
create table certificate_serial_counter (
	organisation_id uuid not null references organisation (id) on delete cascade,
	prefix text not null,
	year integer not null check (year between 2000 and 9999),
	last_value integer not null default 0 check (last_value >= 0),
	primary key (organisation_id, prefix, year)
);

create table certificate (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	competition_id uuid not null,
	round_id uuid not null,
	entry_id uuid not null,
	result_version_id uuid not null,
	-- A placing's tier (一等奖) or a special award (工匠特别奖): one certificate per entry for each.
	award_kind text not null check (award_kind in ('tier', 'special')),
	award_label text not null check (length(award_label) between 1 and 100),
	holder_name text not null check (length(holder_name) between 1 and 200),
	unit text not null default '' check (length(unit) <= 200),
	event_name text not null check (length(event_name) between 1 and 200),
	competition_title text not null check (length(competition_title) between 1 and 200),
	issued_on date not null,
	serial text not null check (length(serial) between 1 and 40),
	-- Random, unguessable: what the QR code and /verify/<code> carry.
	verification_code text not null check (verification_code ~ '^[A-Z2-9]{12}$'),
	revoked_at timestamptz,
	revoked_by uuid references app_user (id) on delete set null,
	revoke_reason text check (revoke_reason is null or length(revoke_reason) between 1 and 500),
	issued_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	unique (organisation_id, serial),
	unique (verification_code),
	-- Re-issuing finds these and adds nothing: no duplicate, no new number.
	unique (organisation_id, round_id, entry_id, award_kind),
	check ((revoked_at is null) = (revoke_reason is null)),
	foreign key (organisation_id, competition_id) references competition (organisation_id, id) on delete cascade,
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade,
	foreign key (organisation_id, result_version_id) references result_version (organisation_id, id)
);
create index certificate_competition on certificate (organisation_id, competition_id, serial);
create index certificate_entry on certificate (organisation_id, entry_id);

-- How far a bulk download has got, written by the process that renders it and read by whichever process
-- answers the page's progress poll (several processes may serve one database).
create table certificate_bundle_progress (
	id uuid primary key,
	organisation_id uuid not null,
	competition_id uuid not null,
	done integer not null default 0 check (done >= 0),
	total integer not null check (total >= 0),
	finished boolean not null default false,
	updated_at timestamptz not null default now(),
	foreign key (organisation_id, competition_id) references competition (organisation_id, id) on delete cascade
);

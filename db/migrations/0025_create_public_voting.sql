-- Public voting (DESIGN.md §5, issue 16): a round's voting policy, every vote as a row (never only a
-- counter, so a tally is a query over accepted rows and a voided vote leaves a trace), the proof-of-work
-- challenges already spent (ALTCHA's verification is stateless: replay protection is this table), and
-- the one-time codes of `verified` voting. Addresses, user agents, device tokens and phones are stored
-- only as keyed hashes (HMAC with the installation's secret), never raw.

-- One policy per voting round (a round whose scheme has a `public_vote` component).
create table vote_policy (
	round_id uuid primary key,
	organisation_id uuid not null,
	-- The window, stored as instants; shown and entered in Asia/Shanghai.
	opens_at timestamptz not null,
	closes_at timestamptz not null,
	votes_per_voter_per_day integer not null check (votes_per_voter_per_day between 1 and 1000),
	votes_per_candidate_per_voter_per_day integer not null
		check (votes_per_candidate_per_voter_per_day between 1 and 1000 and votes_per_candidate_per_voter_per_day <= votes_per_voter_per_day),
	-- When the public sees the counts: always, once a day at `daily_publish_time` (Shanghai), or only
	-- after the window closes.
	counts_shown text not null default 'after_close' check (counts_shown in ('live', 'daily', 'after_close')),
	daily_publish_time time,
	-- `device`: a signed voter token in a cookie; `verified`: a one-time code sent by SMS.
	identity_mode text not null default 'device' check (identity_mode in ('device', 'verified')),
	-- The proof of work asked of an ordinary voter (ALTCHA max number); raised for an address prefix or
	-- voter that votes unusually often.
	base_cost integer not null default 20000 check (base_cost between 1000 and 5000000),
	-- What a WeChat share shows (title and description; the image is the competition's).
	share_title text not null default '' check (length(share_title) <= 100),
	share_description text not null default '' check (length(share_description) <= 300),
	updated_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check (closes_at > opens_at),
	check ((counts_shown = 'daily') = (daily_publish_time is not null)),
	unique (organisation_id, round_id),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade
);

create table vote (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	round_id uuid not null,
	entry_id uuid not null,
	-- Who voted, as a keyed hash: of the device token's id (`device`) or of the verified phone (`verified`).
	voter_key text not null check (length(voter_key) between 1 and 128),
	cast_at timestamptz not null default now(),
	-- The Asia/Shanghai calendar day the vote counts against the daily limits.
	voting_day date not null,
	-- Keyed hashes of the address prefix (/24 for IPv4, /48 for IPv6) and of the user agent.
	address_prefix_hash text not null check (length(address_prefix_hash) between 1 and 128),
	user_agent_hash text not null check (length(user_agent_hash) between 1 and 128),
	-- The proof-of-work challenge this vote spent (one vote per proof).
	proof_id text not null check (length(proof_id) between 1 and 200),
	-- accepted: counted; flagged: held for review by burst detection (not counted until restored);
	-- voided: removed by an organiser with a reason (kept, and published per candidate after the window).
	status text not null default 'accepted' check (status in ('accepted', 'flagged', 'voided')),
	-- Why burst detection flagged it: burst, address_cluster, user_agent_cluster, fresh_voters, regular_timing.
	flags text[] not null default '{}',
	-- The organiser's last decision on it: a reason class (published) and words (audited).
	reason_class text check (reason_class is null or length(reason_class) between 1 and 40),
	reason text not null default '' check (length(reason) <= 500),
	decided_by uuid references app_user (id) on delete set null,
	decided_at timestamptz,
	unique (organisation_id, id),
	unique (proof_id),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade,
	foreign key (organisation_id, entry_id) references entry (organisation_id, id) on delete cascade
);
create index vote_tally_idx on vote (round_id, entry_id, status);
create index vote_voter_day_idx on vote (round_id, voter_key, voting_day);
create index vote_timeline_idx on vote (round_id, cast_at);
create index vote_address_idx on vote (round_id, address_prefix_hash, cast_at);

-- Spent proof-of-work challenges, purged after they expire (a replayed proof is refused while its
-- challenge could still verify; after that the challenge itself has expired).
create table vote_challenge (
	challenge text primary key check (length(challenge) between 1 and 200),
	expires_at timestamptz not null
);
create index vote_challenge_expiry_idx on vote_challenge (expires_at);

-- One-time codes for `verified` voting, as keyed hashes of the phone and the code.
create table vote_verification (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	round_id uuid not null,
	phone_hash text not null check (length(phone_hash) between 1 and 128),
	code_hash text not null check (length(code_hash) between 1 and 128),
	attempts integer not null default 0 check (attempts >= 0),
	expires_at timestamptz not null,
	consumed_at timestamptz,
	created_at timestamptz not null default now(),
	foreign key (organisation_id, round_id) references round (organisation_id, id) on delete cascade
);
create index vote_verification_phone_idx on vote_verification (round_id, phone_hash, created_at);

-- Personal API tokens for organisers' other systems. Like sessions, only the SHA-256 of the token is
-- stored; each token acts for one organisation only and stops working once revoked.
create table api_token (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references organisation (id) on delete cascade,
	user_id uuid not null references app_user (id) on delete cascade,
	name text not null check (length(name) between 1 and 80),
	token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
	-- The first characters of the token, shown in lists so people can tell their tokens apart.
	token_prefix text not null,
	created_at timestamptz not null default now(),
	last_used_at timestamptz,
	revoked_at timestamptz
);
create index api_token_org_idx on api_token (organisation_id);

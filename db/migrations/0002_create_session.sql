-- Sessions per Lucia's guide: the id is the SHA-256 (hex) of the token in the cookie, so a leaked
-- table cannot be replayed as cookies.
create table session (
	id text primary key check (id ~ '^[0-9a-f]{64}$'),
	user_id uuid not null references app_user (id) on delete cascade,
	expires_at timestamptz not null,
	created_at timestamptz not null default now()
);
create index session_user_idx on session (user_id);

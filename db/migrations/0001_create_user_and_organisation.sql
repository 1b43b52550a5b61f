-- Accounts, tenants and who belongs to which. Every tenant-scoped table that follows carries
-- organisation_id and every query filters on it (DESIGN.md §7).

create table app_user (
	id uuid primary key default gen_random_uuid(),
	email text not null,
	display_name text not null check (length(display_name) between 1 and 100),
	password_hash text not null,
	-- The interface language this person chose; null until they choose one.
	locale text check (locale in ('zh-CN', 'en')),
	is_platform_admin boolean not null default false,
	created_at timestamptz not null default now()
);
-- E-mail addresses are compared case-insensitively; the app stores them lower-cased as well.
create unique index app_user_email_key on app_user (lower(email));

create table organisation (
	id uuid primary key default gen_random_uuid(),
	slug text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$'),
	name text not null check (length(name) between 1 and 100),
	-- Whether people may create their own account from the organisation's sign-up page.
	allow_sign_up boolean not null default false,
	created_at timestamptz not null default now()
);

create table membership (
	organisation_id uuid not null references organisation (id) on delete cascade,
	user_id uuid not null references app_user (id) on delete cascade,
	role text not null check (role in ('owner', 'organiser', 'contestant')),
	created_at timestamptz not null default now(),
	primary key (organisation_id, user_id)
);
create index membership_user_idx on membership (user_id);

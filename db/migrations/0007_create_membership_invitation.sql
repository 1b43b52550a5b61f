-- Invitations to join an organisation. Adding someone by e-mail never makes them a member at once:
-- they open the link, sign in or create their account with that address, and accept. Only the SHA-256
-- of the link's secret is stored. Whether the address has an account is never looked up when inviting.
create table membership_invitation (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references organisation (id) on delete cascade,
	-- Stored lower-cased, as app_user e-mails are compared.
	email text not null check (email = lower(email) and length(email) between 3 and 254),
	role text not null check (role in ('owner', 'organiser', 'contestant')),
	token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
	invited_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	accepted_at timestamptz,
	accepted_by uuid references app_user (id) on delete set null,
	revoked_at timestamptz,
	check (accepted_at is null or revoked_at is null)
);
create index membership_invitation_org_idx on membership_invitation (organisation_id);
-- At most one open invitation per address and organisation; inviting again replaces it.
create unique index membership_invitation_open_key on membership_invitation (organisation_id, email)
	where accepted_at is null and revoked_at is null;

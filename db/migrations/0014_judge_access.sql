-- How a judge reaches their account: an invitation link, or a one-time sign-in code for a shared tablet.
-- Only SHA-256 hashes of the secrets are stored; the organiser sees each secret once, when it is made.
-- A judge without an account of their own gets a login-less one when they first redeem a code: its
-- e-mail is the reserved placeholder `judge-<judge id>@judges.jiangxin.invalid` (.invalid never
-- resolves, RFC 2606) and its password hash is not an argon2 hash, so no password ever matches it.

create table judge_invitation (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	judge_id uuid not null,
	token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
	created_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	accepted_at timestamptz,
	accepted_by uuid references app_user (id) on delete set null,
	unique (organisation_id, id),
	foreign key (organisation_id, judge_id) references judge (organisation_id, id) on delete cascade
);
create index judge_invitation_judge_idx on judge_invitation (organisation_id, judge_id);

-- A short code (8 characters of an unambiguous alphabet) that signs the judge in once, until the end of
-- the day it was made (Asia/Shanghai). Issuing a new code for a judge retires their earlier ones.
create table judge_sign_in_code (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null,
	judge_id uuid not null,
	code_hash text not null unique check (code_hash ~ '^[0-9a-f]{64}$'),
	created_by uuid references app_user (id) on delete set null,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	used_at timestamptz,
	unique (organisation_id, id),
	foreign key (organisation_id, judge_id) references judge (organisation_id, id) on delete cascade
);
create index judge_sign_in_code_judge_idx on judge_sign_in_code (organisation_id, judge_id);

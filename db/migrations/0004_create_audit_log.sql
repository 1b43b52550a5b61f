-- The append-only record of every change that matters (scores, votes, results, certificates,
-- memberships). Appeals depend on it, so the database itself refuses to change or remove a row:
-- a bug or a careless hand in psql cannot rewrite history.
create table audit_log (
	id bigint generated always as identity primary key,
	organisation_id uuid references organisation (id) on delete restrict,
	-- No foreign key: a cascading "set null" would be an update, which this table refuses.
	actor_user_id uuid,
	-- Who acted, as shown at the time (kept even if the account is later removed).
	actor_label text not null,
	action text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
	subject_type text not null,
	subject_id text,
	before jsonb,
	after jsonb,
	ip text,
	request_id text,
	created_at timestamptz not null default now()
);
create index audit_log_org_time_idx on audit_log (organisation_id, created_at desc, id desc);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
	raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
	for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
	for each statement execute function audit_log_refuse_change();

-- Failed sign-in counters, per account ('account:<email>') and per client ('ip:<address>').
-- Kept in PostgreSQL, not in memory, so that limits hold across several app processes.
create table sign_in_throttle (
	key text primary key,
	failures integer not null check (failures >= 0),
	window_started_at timestamptz not null,
	locked_until timestamptz
);

-- socket.io's PostgreSQL adapter (several app processes sharing rooms, README "Running on several
-- machines"): a broadcast larger than the NOTIFY payload limit is stored here and only its id is
-- notified; the adapter deletes rows older than its cleanup interval (30 s). The shape is the one the
-- adapter's documentation gives. Not tenant data (a message in flight between processes), so no
-- organisation_id; the app's role gets select/insert/delete by the default privileges.
create table socket_io_attachments (
	id bigserial unique,
	created_at timestamptz default now(),
	payload bytea
);
create index socket_io_attachments_created_at_idx on socket_io_attachments (created_at);

-- A result version's stored result travels and is kept gzip-compressed by the application (the
-- StoredResult JSON, db/migrations/0026): a 1,000-entry round's 2.3 MB became 0.3 MB, and PostgreSQL
-- no longer validates the JSON text nor compresses it with pglz — which together took most of a
-- recompute's time. Versions stored before keep their json; exactly one of the two is set.
alter table result_version add column result_gzip bytea check (substring(result_gzip from 1 for 2) = '\x1f8b'::bytea);
-- Already compressed: stored out of line as is, without a second attempt at compressing it.
alter table result_version alter column result_gzip set storage external;
alter table result_version alter column result drop not null;
alter table result_version add constraint result_version_one_stored_result check ((result is null) <> (result_gzip is null));

-- What an audit entry touched, in words, as it was called at the time (a competition's title, "event ·
-- round"), so the log names it for people even after it is renamed or removed. Readers prefer the
-- current name while the subject still exists. Adding a column changes no row: the log stays append-only.
alter table audit_log add column subject_label text check (length(subject_label) <= 500);

-- Every index is written on every insert: a union's list of 10,000 people pays for each one 20,000
-- times. Three of them earn nothing:
-- - entry_competition_idx (organisation_id, competition_id, status) is a prefix of what
--   entry_competition_event_idx (organisation_id, competition_id, event_id, status, arrival) serves;
-- - entry_registrant_idx indexed every imported entry's null registrant: only contestants' own
--   entries are ever looked up by registrant;
-- - entry_member's unique (organisation_id, id) backs no foreign key (tables point at entry, not at
--   its members), and the primary key already makes id unique.
drop index if exists entry_competition_idx;
drop index if exists entry_registrant_idx;
create index entry_registrant_idx on entry (registrant_id) where registrant_id is not null;
alter table entry_member drop constraint if exists entry_member_organisation_id_id_key;

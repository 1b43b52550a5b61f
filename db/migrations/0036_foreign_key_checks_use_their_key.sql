-- PostgreSQL checks a foreign key such as entry_member (organisation_id, entry_id) → entry
-- (organisation_id, id) with a plan it caches per connection, made once — possibly while the table is
-- nearly empty. Then any index leading with organisation_id costs the same as the key itself, and the
-- planner took entry_competition_arrival_idx: from then on every check read every entry of the
-- organisation, so a union's list of 10,000 people made 50 million index reads (5 s instead of 0.8).
-- Indexes that serve one competition now lead with competition_id (a uuid, unique across
-- organisations; queries still say organisation_id too), so the only indexes leading with
-- organisation_id on a table that others point at are the keys they point at.
-- tests/integration/foreign-key-plans.test.ts checks every composite key on an empty copy of its table.
drop index entry_competition_arrival_idx;
create index entry_competition_arrival_idx on entry (competition_id, arrival);
drop index entry_competition_event_idx;
create index entry_competition_event_idx on entry (competition_id, event_id, status, arrival);
drop index judge_competition_idx;
create index judge_competition_idx on judge (competition_id);
drop index nomination_quota_competition_idx;
create index nomination_quota_competition_idx on nomination_quota (competition_id);
-- An organisation's competitions are listed through the key (organisation_id, id) and sorted: tens of
-- rows, not worth an index every competition check could mistake for the key.
drop index competition_org_idx;

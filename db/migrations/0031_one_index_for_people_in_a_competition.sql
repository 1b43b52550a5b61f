-- entry_member had two indexes over the same people: (event_id, id_number_hash) unique — one person
-- once per event — and (competition_id, id_number_hash) for finding a person anywhere in the
-- competition. An event belongs to one competition, so (competition_id, id_number_hash, event_id)
-- unique says the same as the first, and its prefix serves the second: one index fewer written per
-- member (a union's list of 10,000 people spent about a fifth of its database time on them). The name
-- stays, so a lost registration race is still recognised by it.
drop index if exists entry_member_competition_hash_idx;
drop index if exists entry_member_once_per_event_key;
create unique index entry_member_once_per_event_key on entry_member (competition_id, id_number_hash, event_id) where active;

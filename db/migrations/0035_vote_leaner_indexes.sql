-- A vote row is written in a burst thousands of times a second; each index is work on every one.
-- Three of them did nothing the others don't:
-- * unique (proof_id): a vote is only written in the transaction that spent its challenge, and
--   vote_challenge's primary key makes that spending single (until the challenge has expired and no
--   longer verifies);
-- * unique (organisation_id, id): no table refers to a vote by it; lookups by id use the primary key;
-- * vote_timeline_idx: every organiser's query reads all of a round's votes (the tally and voter-day
--   indexes lead with the round), and none is on the voting path.
alter table vote drop constraint vote_proof_id_key, drop constraint vote_organisation_id_id_key;
drop index vote_timeline_idx;

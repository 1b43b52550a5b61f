-- entry_member_entry_idx (entry_id) duplicates the unique index on (entry_id, position), whose leading
-- column answers the same lookups. Every imported person paid for both: dropping it makes a union's
-- list of 10,000 people cheaper to import (see bench/registration-import.bench.ts).
drop index if exists entry_member_entry_idx;

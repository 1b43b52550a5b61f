-- PostgreSQL's regular expressions build their automaton's states afresh on every match, and a
-- bounded repeat such as [0-9a-f]{64} is 64 states: checking one 64-character hash cost 3.6 µs, ten
-- times '^[0-9a-f]+$' with its length checked apart (0.3 µs). A union's list of 10,000 people spent
-- about a tenth of its database time on these checks. Same rules, written the cheap way, on the rows
-- written in bulk or often: people in an import, judges' score sheets, certificates made by the
-- hundred. Checks on rows written one at a time (sessions, tokens, slugs, draws) are left as they are.
alter table entry_member
	drop constraint entry_member_id_number_hash_check,
	add constraint entry_member_id_number_hash_check check (char_length(id_number_hash) = 64 and id_number_hash ~ '^[0-9a-f]+$'),
	drop constraint entry_member_phone_check,
	add constraint entry_member_phone_check check (char_length(phone) = 11 and phone ~ '^1[3-9][0-9]+$');
alter table score_sheet
	drop constraint score_sheet_component_key_check,
	add constraint score_sheet_component_key_check check (char_length(component_key) between 1 and 64 and component_key ~ '^[A-Za-z0-9_-]+$');
alter table deduction_count
	drop constraint deduction_count_component_key_check,
	add constraint deduction_count_component_key_check check (char_length(component_key) between 1 and 64 and component_key ~ '^[A-Za-z0-9_-]+$'),
	drop constraint deduction_count_item_key_check,
	add constraint deduction_count_item_key_check check (char_length(item_key) between 1 and 64 and item_key ~ '^[A-Za-z0-9_-]+$');
alter table entered_value
	drop constraint entered_value_component_key_check,
	add constraint entered_value_component_key_check check (char_length(component_key) between 1 and 64 and component_key ~ '^[A-Za-z0-9_-]+$');
alter table certificate
	drop constraint certificate_verification_code_check,
	add constraint certificate_verification_code_check check (char_length(verification_code) = 12 and verification_code ~ '^[A-Z2-9]+$');

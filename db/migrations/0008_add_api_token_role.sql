-- The role a token was made with. A token acts with the lower of this and its creator's role now,
-- so a member demoted and later promoted again does not find an old token working with more rights.
alter table api_token add column role text;
-- Tokens made before: the creator's role today (a token of someone who left acts for nobody anyway).
update api_token t set role = coalesce(
	(select m.role from membership m where m.organisation_id = t.organisation_id and m.user_id = t.user_id),
	'contestant');
alter table api_token
	alter column role set not null,
	add constraint api_token_role_check check (role in ('owner', 'organiser', 'contestant'));

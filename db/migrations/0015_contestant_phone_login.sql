-- Contestants sign in with a mainland mobile number or an e-mail address (issue 14, "Contestants
-- register (phone first)"). An account has at least one of the two; both are unique.

alter table app_user
	alter column email drop not null,
	add column phone text check (phone is null or phone ~ '^1[3-9][0-9]{9}$'),
	add constraint app_user_login_present check (email is not null or phone is not null);
create unique index app_user_phone_key on app_user (phone);

import type { Db } from '../db/client';
import type { MemberRole } from '../auth/actor';

export interface OrganisationRow {
	id: string;
	slug: string;
	name: string;
	allowSignUp: boolean;
	createdAt: Date;
}

export interface MembershipRow {
	organisationId: string;
	slug: string;
	name: string;
	role: MemberRole;
}

export interface MemberRow {
	userId: string;
	email: string;
	displayName: string;
	role: MemberRole;
	createdAt: Date;
}

export async function insertOrganisation(db: Db, input: { slug: string; name: string; allowSignUp: boolean }): Promise<OrganisationRow> {
	const [row] = await db<OrganisationRow[]>`
		insert into organisation (slug, name, allow_sign_up) values (${input.slug}, ${input.name}, ${input.allowSignUp})
		returning id, slug, name, allow_sign_up, created_at`;
	return row!;
}

export async function getOrganisationBySlug(db: Db, slug: string): Promise<OrganisationRow | undefined> {
	const [row] = await db<OrganisationRow[]>`
		select id, slug, name, allow_sign_up, created_at from organisation where slug = ${slug}`;
	return row;
}

export async function getOrganisationById(db: Db, id: string): Promise<OrganisationRow | undefined> {
	const [row] = await db<OrganisationRow[]>`
		select id, slug, name, allow_sign_up, created_at from organisation where id = ${id}`;
	return row;
}

export async function listOrganisations(db: Db): Promise<(OrganisationRow & { memberCount: number })[]> {
	return db<(OrganisationRow & { memberCount: number })[]>`
		select o.id, o.slug, o.name, o.allow_sign_up, o.created_at,
			(select count(*)::int from membership m where m.organisation_id = o.id) as member_count
		from organisation o order by o.created_at`;
}

export async function updateOrganisation(db: Db, id: string, input: { name: string; allowSignUp: boolean }): Promise<OrganisationRow> {
	const [row] = await db<OrganisationRow[]>`
		update organisation set name = ${input.name}, allow_sign_up = ${input.allowSignUp} where id = ${id}
		returning id, slug, name, allow_sign_up, created_at`;
	return row!;
}

export async function listMembershipsOfUser(db: Db, userId: string): Promise<MembershipRow[]> {
	return db<MembershipRow[]>`
		select m.organisation_id, o.slug, o.name, m.role
		from membership m join organisation o on o.id = m.organisation_id
		where m.user_id = ${userId} order by o.name`;
}

export async function getMembership(db: Db, userId: string, slug: string): Promise<MembershipRow | undefined> {
	const [row] = await db<MembershipRow[]>`
		select m.organisation_id, o.slug, o.name, m.role
		from membership m join organisation o on o.id = m.organisation_id
		where m.user_id = ${userId} and o.slug = ${slug}`;
	return row;
}

export async function insertMembership(db: Db, organisationId: string, userId: string, role: MemberRole): Promise<void> {
	await db`insert into membership (organisation_id, user_id, role) values (${organisationId}, ${userId}, ${role})`;
}

export async function listMembers(db: Db, organisationId: string): Promise<MemberRow[]> {
	return db<MemberRow[]>`
		select u.id as user_id, u.email, u.display_name, m.role, m.created_at
		from membership m join app_user u on u.id = m.user_id
		where m.organisation_id = ${organisationId}
		order by case m.role when 'owner' then 0 when 'organiser' then 1 else 2 end, u.display_name`;
}

export async function getMember(db: Db, organisationId: string, userId: string): Promise<MemberRow | undefined> {
	const [row] = await db<MemberRow[]>`
		select u.id as user_id, u.email, u.display_name, m.role, m.created_at
		from membership m join app_user u on u.id = m.user_id
		where m.organisation_id = ${organisationId} and m.user_id = ${userId}`;
	return row;
}

export async function updateMemberRole(db: Db, organisationId: string, userId: string, role: MemberRole): Promise<void> {
	await db`update membership set role = ${role} where organisation_id = ${organisationId} and user_id = ${userId}`;
}

export async function deleteMembership(db: Db, organisationId: string, userId: string): Promise<void> {
	await db`delete from membership where organisation_id = ${organisationId} and user_id = ${userId}`;
}

/** Owners of the organisation, locked for the transaction so two removals cannot both pass. */
export async function countOwnersForUpdate(db: Db, organisationId: string): Promise<number> {
	const rows = await db`select user_id from membership where organisation_id = ${organisationId} and role = 'owner' for update`;
	return rows.length;
}

export async function hasMembership(db: Db, userId: string, organisationId: string): Promise<boolean> {
	const rows = await db`select 1 from membership where user_id = ${userId} and organisation_id = ${organisationId}`;
	return rows.length > 0;
}

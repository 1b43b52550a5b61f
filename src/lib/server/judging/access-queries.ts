import type { Db } from '../db/client';

export async function insertSignInCode(db: Db, organisationId: string, input: { judgeId: string; codeHash: string; createdBy: string; expiresAt: Date }): Promise<void> {
	await db`
		insert into judge_sign_in_code (organisation_id, judge_id, code_hash, created_by, expires_at)
		values (${organisationId}, ${input.judgeId}, ${input.codeHash}, ${input.createdBy}, ${input.expiresAt})`;
}

/** Ends the judge's unused codes (a new card replaces the old one). */
export async function retireSignInCodes(db: Db, organisationId: string, judgeId: string, now: Date): Promise<void> {
	await db`
		update judge_sign_in_code set expires_at = least(expires_at, ${now})
		where organisation_id = ${organisationId} and judge_id = ${judgeId} and used_at is null`;
}

export interface SignInCodeRow {
	id: string;
	organisationId: string;
	judgeId: string;
	expiresAt: Date;
	usedAt: Date | null;
}

/** The code with this hash, whichever organisation made it (the hash is the secret). */
export async function findSignInCodeForUpdate(db: Db, codeHash: string): Promise<SignInCodeRow | undefined> {
	const [row] = await db<SignInCodeRow[]>`
		select id, organisation_id, judge_id, expires_at, used_at from judge_sign_in_code where code_hash = ${codeHash} for update`;
	return row;
}

export async function markSignInCodeUsed(db: Db, organisationId: string, id: string, now: Date): Promise<void> {
	await db`update judge_sign_in_code set used_at = ${now} where organisation_id = ${organisationId} and id = ${id}`;
}

export async function insertJudgeInvitation(db: Db, organisationId: string, input: { judgeId: string; tokenHash: string; createdBy: string; expiresAt: Date }): Promise<string> {
	const [row] = await db<{ id: string }[]>`
		insert into judge_invitation (organisation_id, judge_id, token_hash, created_by, expires_at)
		values (${organisationId}, ${input.judgeId}, ${input.tokenHash}, ${input.createdBy}, ${input.expiresAt})
		returning id`;
	return row!.id;
}

export interface JudgeInvitationRow {
	id: string;
	organisationId: string;
	judgeId: string;
	judgeName: string;
	competitionTitle: string;
	organisationName: string;
	expiresAt: Date;
	acceptedAt: Date | null;
}

export async function findJudgeInvitation(db: Db, tokenHash: string, forUpdate = false): Promise<JudgeInvitationRow | undefined> {
	const [row] = await db<JudgeInvitationRow[]>`
		select i.id, i.organisation_id, i.judge_id, j.name as judge_name, c.title as competition_title, o.name as organisation_name, i.expires_at, i.accepted_at
		from judge_invitation i
		join judge j on j.id = i.judge_id and j.organisation_id = i.organisation_id
		join competition c on c.id = j.competition_id and c.organisation_id = j.organisation_id
		join organisation o on o.id = i.organisation_id
		where i.token_hash = ${tokenHash}
		${forUpdate ? db`for update of i` : db``}`;
	return row;
}

export async function markJudgeInvitationAccepted(db: Db, organisationId: string, id: string, userId: string, now: Date): Promise<void> {
	await db`update judge_invitation set accepted_at = ${now}, accepted_by = ${userId} where organisation_id = ${organisationId} and id = ${id}`;
}

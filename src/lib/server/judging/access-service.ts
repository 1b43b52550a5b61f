import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import QRCode from 'qrcode';
import { db, type Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { DomainError } from '../domain-error';
import type { Actor, OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/password';
import { createSession } from '../auth/session';
import { generateSecretToken, hashToken } from '../auth/session-token';
import { insertUser, type UserRow } from '../auth/user-queries';
import type { RequestContext, SignedIn } from '../auth/account';
import { countSignInAttempt, lockThrottleKey, uncountSignInAttempt } from '../auth/throttle-queries';
import { failureOutcome, judgeCountedAttempt, type ThrottlePolicy } from '$lib/domain/sign-in-throttle/throttle';
import { endOfChinaDay, generateSignInCode, normaliseSignInCode } from '$lib/domain/judges/sign-in-code';
import { loadJudge } from './judges-service';
import { linkJudgeUser, getJudge, listJudges, type JudgeRow } from './judge-queries';
import * as access from './access-queries';
import { routes } from '$lib/routes';
import { insertDevice } from '../sheets/device-queries';

const INVITATION_DAYS = 14;

/**
 * Codes tried from one address: a venue's tablets share one, so a few typos are free; then each miss
 * is slower, and 20 misses in 15 minutes lock the address for 15 minutes. With 27^8 codes, guessing
 * one at this pace takes longer than any code lives.
 */
export const SIGN_IN_CODE_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 5, delayStepMs: 500, maxDelayMs: 2_000, lockAfter: 20, lockMs: 15 * 60_000 };
const codeThrottleKey = (ip: string | null) => `judge-code:${ip ?? 'unknown'}`;

/** The address a login-less judge account is created with: reserved (.invalid never resolves), one per judge. */
export const placeholderEmail = (judgeId: string) => `judge-${judgeId}@judges.jiangxin.invalid`;
/** Not an argon2 hash: verifying any password against it fails, so the account has no password at all. */
const unusablePasswordHash = () => `!login-less-judge!${randomBytes(16).toString('hex')}`;

export interface IssuedCode {
	judgeId: string;
	name: string;
	unit: string;
	/** The code itself: shown once (on the card) and stored only as its hash. */
	code: string;
	expiresAt: Date;
	/** The QR code of the sign-in link with the code, as an SVG data URL for <img>. */
	qrDataUrl: string;
}

export function signInLink(origin: string, code: string): string {
	return `${origin}${routes.judgeSignIn(code)}`;
}

async function issue(tx: Db, actor: OrgActor, judge: JudgeRow, origin: string, now: Date): Promise<IssuedCode> {
	const code = generateSignInCode(() => randomBytes(1)[0]!);
	const expiresAt = endOfChinaDay(now);
	await access.retireSignInCodes(tx, actor.organisation.id, judge.id, now);
	await access.insertSignInCode(tx, actor.organisation.id, { judgeId: judge.id, codeHash: hashToken(code), createdBy: actor.user.id, expiresAt });
	await recordAudit(tx, actor, { action: 'judge.sign_in_code_issued', subjectType: 'judge', subjectId: judge.id, subjectLabel: judge.name, after: { expiresAt: expiresAt.toISOString() } });
	const svg = await QRCode.toString(signInLink(origin, code), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
	return { judgeId: judge.id, name: judge.name, unit: judge.unit, code, expiresAt, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** A one-time sign-in code (and its QR code) for one judge; their earlier unused codes stop working. */
export async function issueSignInCode(actor: OrgActor, judgeId: string, origin: string, now = new Date()): Promise<IssuedCode> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => issue(tx, actor, await loadJudge(tx, actor, judgeId, true), origin, now));
}

/** Codes for every judge of the competition, for printing one card each. */
export async function issueSignInCodesForCompetition(actor: OrgActor, competitionId: string, origin: string, now = new Date()): Promise<IssuedCode[]> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		const judges = await listJudges(tx, actor.organisation.id, competitionId);
		const issued: IssuedCode[] = [];
		for (const judge of judges) issued.push(await issue(tx, actor, judge, origin, now));
		return issued;
	});
}

/**
 * Redeems a code typed on (or scanned into) a tablet: signs the judge in, creating a login-less account
 * for a judge who has none. Wrong codes count against the address like wrong passwords.
 */
export async function redeemSignInCode(typed: string, context: Pick<RequestContext, 'ip' | 'requestId' | 'now' | 'locale'>): Promise<SignedIn> {
	const key = codeThrottleKey(context.ip);
	const state = await countSignInAttempt(db(), key, context.now, SIGN_IN_CODE_POLICY);
	const verdict = judgeCountedAttempt(state, context.now, SIGN_IN_CODE_POLICY);
	if (!verdict.allowed) throw new DomainError('sign_in_locked', { minutes: Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60)) });
	const code = normaliseSignInCode(typed);
	const signedIn = code ? await redeem(code, context) : undefined;
	if (!signedIn) {
		const outcome = failureOutcome(state.failures, SIGN_IN_CODE_POLICY);
		if (outcome.lock) {
			await lockThrottleKey(db(), key, new Date(context.now.getTime() + SIGN_IN_CODE_POLICY.lockMs));
			throw new DomainError('sign_in_locked', { minutes: SIGN_IN_CODE_POLICY.lockMs / 60_000 });
		}
		if (outcome.delayMs > 0) await sleep(outcome.delayMs);
		throw new DomainError('sign_in_code_invalid', {}, 'code');
	}
	await uncountSignInAttempt(db(), key, state.windowStartedAt);
	return signedIn;
}

async function redeem(code: string, context: Pick<RequestContext, 'ip' | 'requestId' | 'now' | 'locale'>): Promise<SignedIn | undefined> {
	return db().begin(async (tx) => {
		const row = await access.findSignInCodeForUpdate(tx, hashToken(code));
		if (!row || row.usedAt || row.expiresAt <= context.now) return undefined;
		const judge = await getJudge(tx, row.organisationId, row.judgeId, true);
		if (!judge) return undefined;
		await access.markSignInCodeUsed(tx, row.organisationId, row.id, context.now);
		const user = judge.userId ? await userById(tx, judge.userId) : await createLoginLessAccount(tx, row.organisationId, judge, context.locale);
		const actor: Actor = { user, ip: context.ip, requestId: context.requestId };
		await recordAudit(tx, actor, { action: 'judge.signed_in_with_code', subjectType: 'judge', subjectId: judge.id, subjectLabel: judge.name }, row.organisationId);
		const { token, session } = await createSession(tx, user.id, context.now);
		// The tablet is bound to this session: the head judge sees it and can revoke it (issue 15).
		await insertDevice(tx, row.organisationId, { judgeId: judge.id, sessionId: session.id, userAgent: '' });
		return { user, token, expiresAt: session.expiresAt };
	});
}

async function userById(tx: Db, id: string): Promise<UserRow> {
	const [user] = await tx<UserRow[]>`select id, email, display_name, locale, is_platform_admin from app_user where id = ${id}`;
	return user!;
}

async function createLoginLessAccount(tx: Db, organisationId: string, judge: JudgeRow, locale: string): Promise<UserRow> {
	const user = await insertUser(tx, { email: placeholderEmail(judge.id), displayName: judge.name, passwordHash: unusablePasswordHash(), locale, isPlatformAdmin: false });
	await linkJudgeUser(tx, organisationId, judge.id, user.id);
	return user;
}

export interface CreatedJudgeInvitation {
	judgeId: string;
	token: string;
	expiresAt: Date;
}

/** A link the judge opens to attach their own account to the judge row; shown once, stored as its hash. */
export async function inviteJudge(actor: OrgActor, judgeId: string, now = new Date()): Promise<CreatedJudgeInvitation> {
	requireRole(actor, MANAGER_ROLES);
	const token = generateSecretToken();
	const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
	await db().begin(async (tx) => {
		const judge = await loadJudge(tx, actor, judgeId, true);
		const id = await access.insertJudgeInvitation(tx, actor.organisation.id, { judgeId, tokenHash: hashToken(token), createdBy: actor.user.id, expiresAt });
		await recordAudit(tx, actor, { action: 'judge.invited', subjectType: 'judge', subjectId: judgeId, subjectLabel: judge.name, after: { invitationId: id, expiresAt: expiresAt.toISOString() } });
	});
	return { judgeId, token, expiresAt };
}

const isOpen = (row: access.JudgeInvitationRow | undefined, now: Date): row is access.JudgeInvitationRow => !!row && !row.acceptedAt && row.expiresAt > now;

/** What the invitation page shows to whoever holds the link; undefined when it no longer works. */
export async function getJudgeInvitationForLink(token: string, now = new Date()) {
	const row = await access.findJudgeInvitation(db(), hashToken(token));
	if (!isOpen(row, now)) return undefined;
	return { judgeName: row.judgeName, competitionTitle: row.competitionTitle, organisationName: row.organisationName, expiresAt: row.expiresAt };
}

async function acceptWith(tx: Db, actor: Actor, token: string, now: Date, newAccount: boolean): Promise<void> {
	const row = await access.findJudgeInvitation(tx, hashToken(token), true);
	if (!isOpen(row, now)) throw new DomainError('judge_invitation_invalid');
	if (!(await linkJudgeUser(tx, row.organisationId, row.judgeId, actor.user.id))) throw new DomainError('judge_account_taken');
	await access.markJudgeInvitationAccepted(tx, row.organisationId, row.id, actor.user.id, now);
	await recordAudit(tx, actor, { action: 'judge.invitation_accepted', subjectType: 'judge', subjectId: row.judgeId, subjectLabel: row.judgeName, after: { newAccount } }, row.organisationId);
}

/** The signed-in person becomes the judge the link was made for. */
export async function acceptJudgeInvitation(actor: Actor, token: string, now = new Date()): Promise<void> {
	await db().begin((tx) => acceptWith(tx, actor, token, now, false));
}

/** A judge without an account creates one and accepts in the same step. */
export async function acceptJudgeInvitationWithNewAccount(token: string, input: { displayName: string; email: string; password: string }, context: RequestContext): Promise<SignedIn> {
	const passwordHash = await hashPassword(input.password);
	try {
		return await db().begin(async (tx) => {
			const user = await insertUser(tx, { email: input.email, displayName: input.displayName, passwordHash, locale: context.locale, isPlatformAdmin: false });
			await acceptWith(tx, { user, ip: context.ip, requestId: context.requestId }, token, context.now, true);
			const { token: sessionToken, session } = await createSession(tx, user.id, context.now);
			return { user, token: sessionToken, expiresAt: session.expiresAt };
		});
	} catch (error) {
		if (isUniqueViolation(error, 'app_user_email_key')) throw new DomainError('email_taken', {}, 'email');
		throw error;
	}
}

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { DomainError } from '../../src/lib/server/domain-error';
import { castVote, confirmVoteCode, requestVoteCode, saveRoundVotePolicy } from '../../src/lib/server/voting';
import { forgetCachedRound } from '../../src/lib/server/voting/round-cache';
import { phoneVoterKey, readVerifiedVoter } from '../../src/lib/server/voting/voter-identity';
import { newOrg } from '../fixtures/factories';
import { newVoter, seedVoteRound, solvedProof, votePolicy, type VoteRound } from '../fixtures/voting';

// `verified` voting end to end against a real database, with the development SMS provider, which writes
// each code to the log: the phone proves itself with a code, its keyed hash becomes the voter key, and
// two devices of one phone share one day's allowance. The clock is passed in; nothing sleeps.

const PHONE = '13912345678';
const at = (iso: string) => new Date(iso);
const previousProvider = process.env.JIANGXIN_SMS_PROVIDER;
const sent: { phone: string; code: string }[] = [];

async function refusal(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
		return 'accepted';
	} catch (error) {
		if (error instanceof DomainError) return error.code;
		throw error;
	}
}

/** The code the log provider wrote for the phone last. */
function lastCode(phone = PHONE): string {
	const message = sent.filter((line) => line.phone === phone).at(-1);
	if (!message) throw new Error(`no code was sent to ${phone}`);
	return message.code;
}

let round: VoteRound;

beforeAll(async () => {
	vi.spyOn(console, 'info').mockImplementation((line: unknown) => {
		const record = JSON.parse(String(line)) as { msg?: string; phone: string; code: string };
		if (record.msg === 'sms.code') sent.push({ phone: record.phone, code: record.code });
	});
	process.env.JIANGXIN_SMS_PROVIDER = 'log';
	const owner = await newOrg();
	round = await seedVoteRound(owner, { count: 3, policy: { identityMode: 'verified', votesPerVoterPerDay: 1, votesPerCandidatePerVoterPerDay: 1 } });
});

afterEach(() => forgetCachedRound(round.roundId));

afterAll(() => {
	vi.restoreAllMocks();
	if (previousProvider === undefined) delete process.env.JIANGXIN_SMS_PROVIDER;
	else process.env.JIANGXIN_SMS_PROVIDER = previousProvider;
});

describe('verified voting', () => {
	it('cannot be chosen while no SMS provider is configured', async () => {
		delete process.env.JIANGXIN_SMS_PROVIDER;
		try {
			const owner = await newOrg();
			const other = await seedVoteRound(owner);
			const error = await saveRoundVotePolicy(owner, other.roundId, votePolicy({ identityMode: 'verified' })).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(DomainError);
			expect(error).toMatchObject({ code: 'vote_verified_needs_sms', field: 'identityMode' });
		} finally {
			process.env.JIANGXIN_SMS_PROVIDER = 'log';
		}
	});

	it('asks for the phone first, sends one code a minute, and counts a wrong code against five tries', async () => {
		const now = at('2026-05-02T10:00:00+08:00');
		const voter = newVoter();
		expect(await refusal(castVote(round.slug, round.roundId, { entryId: round.entries[0]!.id, altcha: await solvedProof(round.roundId) }, voter, now))).toBe('vote_verification_required');
		await requestVoteCode(round.slug, round.roundId, PHONE, now);
		expect(lastCode()).toMatch(/^\d{6}$/);
		expect(await refusal(requestVoteCode(round.slug, round.roundId, PHONE, at('2026-05-02T10:00:59+08:00')))).toBe('vote_code_too_soon');
		const wrong = lastCode() === '000000' ? '000001' : '000000';
		for (let attempt = 1; attempt <= 4; attempt++) expect(await refusal(confirmVoteCode(round.slug, round.roundId, PHONE, wrong, now))).toBe('vote_code_invalid');
		expect(await refusal(confirmVoteCode(round.slug, round.roundId, PHONE, wrong, now))).toBe('vote_code_attempts');
		// Five wrong tries spend the code, even the right one.
		expect(await refusal(confirmVoteCode(round.slug, round.roundId, PHONE, lastCode(), now))).toBe('vote_code_attempts');
		const [stored] = await db()<{ attempts: number }[]>`select attempts from vote_verification where round_id = ${round.roundId} order by created_at desc limit 1`;
		expect(stored!.attempts).toBe(5);
	});

	it('counts the phone, not the device: a second device of the same phone shares the day, until Shanghai midnight', async () => {
		const now = at('2026-05-03T10:00:00+08:00');
		await requestVoteCode(round.slug, round.roundId, PHONE, now);
		const code = lastCode();
		expect(await refusal(confirmVoteCode(round.slug, round.roundId, PHONE, code, at('2026-05-03T10:11:00+08:00')))).toBe('vote_code_invalid');
		const { cookie, expiresAt } = await confirmVoteCode(round.slug, round.roundId, PHONE, code, at('2026-05-03T10:05:00+08:00'));
		expect(expiresAt).toEqual(at('2026-05-04T00:00:00+08:00'));
		// A code is good once.
		expect(await refusal(confirmVoteCode(round.slug, round.roundId, PHONE, code, at('2026-05-03T10:06:00+08:00')))).toBe('vote_code_invalid');
		const voterKey = readVerifiedVoter(cookie, round.roundId, now);
		expect(voterKey).toBe(phoneVoterKey(PHONE));
		expect(readVerifiedVoter(cookie, round.entries[0]!.id, now)).toBeNull();
		expect(readVerifiedVoter(cookie, round.roundId, expiresAt)).toBeNull();
		const phoneOnDevice = (device = newVoter()) => ({ ...device, verifiedVoterKey: voterKey });
		const vote = async (entryIndex: number, device: ReturnType<typeof phoneOnDevice>, instant: Date) =>
			refusal(castVote(round.slug, round.roundId, { entryId: round.entries[entryIndex]!.id, altcha: await solvedProof(round.roundId) }, device, instant));
		expect(await vote(0, phoneOnDevice(), at('2026-05-03T10:06:00+08:00'))).toBe('accepted');
		expect(await vote(1, phoneOnDevice(), at('2026-05-03T10:07:00+08:00'))).toBe('vote_daily_limit');
		expect(await vote(1, phoneOnDevice(), at('2026-05-04T09:00:00+08:00'))).toBe('accepted');
		const rows = await db()<{ voterKey: string }[]>`select voter_key from vote where round_id = ${round.roundId}`;
		expect(rows.map((row) => row.voterKey)).toEqual([voterKey, voterKey]);
		// Phones and codes are kept only as keyed hashes.
		const verifications = await db()<{ row: string }[]>`select row_to_json(v)::text as row from vote_verification v where round_id = ${round.roundId}`;
		for (const { row } of verifications) {
			expect(row).not.toContain(PHONE);
			expect(row).not.toContain(`"${code}"`);
		}
	});
});

import { randomInt } from 'node:crypto';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import { nextShanghaiMidnight } from '$lib/domain/voting';
import { organisationOfPublicRound, votingRound } from './round-cache';
import { smsProvider } from './sms';
import { codeHash, phoneHash, phoneVoterKey, signVerifiedVoter } from './voter-identity';

/**
 * `verified` voting: a six-digit code sent by SMS proves the phone; the phone's keyed hash is then the
 * voter key, bound to this device by a signed cookie until the next Shanghai midnight. Codes live ten
 * minutes, one a minute per phone, five wrong tries per code. Phones and codes are stored only as keyed hashes.
 */

const CODE_LIFETIME_MS = 10 * 60 * 1000;
const RESEND_AFTER_MS = 60 * 1000;
const MAX_ATTEMPTS = 5;

async function verifiedRound(slug: string, roundId: string) {
	const organisationId = await organisationOfPublicRound(slug, roundId);
	const round = organisationId && (await votingRound(organisationId, roundId));
	if (!round || round.policy.identityMode !== 'verified') throw new DomainError('vote_policy_missing');
	return round;
}

export async function requestVoteCode(slug: string, roundId: string, phone: string, now: Date): Promise<void> {
	const round = await verifiedRound(slug, roundId);
	const provider = smsProvider();
	if (!provider) throw new DomainError('vote_verified_needs_sms');
	const hash = phoneHash(roundId, phone);
	const [recent] = await db()<{ createdAt: Date }[]>`
		select created_at from vote_verification
		where organisation_id = ${round.organisationId} and round_id = ${roundId} and phone_hash = ${hash} and created_at > ${new Date(now.getTime() - RESEND_AFTER_MS)}
		limit 1`;
	if (recent) throw new DomainError('vote_code_too_soon');
	const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
	const [row] = await db()<{ id: string }[]>`
		insert into vote_verification (organisation_id, round_id, phone_hash, code_hash, expires_at, created_at)
		values (${round.organisationId}, ${roundId}, ${hash}, 'pending', ${new Date(now.getTime() + CODE_LIFETIME_MS)}, ${now})
		returning id`;
	await db()`update vote_verification set code_hash = ${codeHash(row!.id, code)} where organisation_id = ${round.organisationId} and id = ${row!.id}`;
	await provider.sendCode(phone, code, 'vote');
}

/** Checks a code; on success returns the cookie value binding this device to the phone's voter key for the round. */
export async function confirmVoteCode(slug: string, roundId: string, phone: string, code: string, now: Date): Promise<{ cookie: string; expiresAt: Date }> {
	const round = await verifiedRound(slug, roundId);
	const hash = phoneHash(roundId, phone);
	// A wrong code must stay counted, so the transaction commits and the refusal is thrown after it.
	const outcome = await db().begin(async (tx) => {
		const [latest] = await tx<{ id: string; codeHash: string; attempts: number; expiresAt: Date; consumedAt: Date | null }[]>`
			select id, code_hash, attempts, expires_at, consumed_at from vote_verification
			where organisation_id = ${round.organisationId} and round_id = ${roundId} and phone_hash = ${hash}
			order by created_at desc limit 1 for update`;
		if (!latest || latest.consumedAt || latest.expiresAt.getTime() <= now.getTime()) throw new DomainError('vote_code_invalid', {}, 'code');
		if (latest.attempts >= MAX_ATTEMPTS) throw new DomainError('vote_code_attempts', {}, 'code');
		if (latest.codeHash !== codeHash(latest.id, code)) {
			await tx`update vote_verification set attempts = attempts + 1 where organisation_id = ${round.organisationId} and id = ${latest.id}`;
			return { wrong: true as const, attemptsLeft: MAX_ATTEMPTS - latest.attempts - 1 };
		}
		await tx`update vote_verification set consumed_at = ${now} where organisation_id = ${round.organisationId} and id = ${latest.id}`;
		const expiresAt = nextShanghaiMidnight(now);
		return { wrong: false as const, cookie: signVerifiedVoter(roundId, phoneVoterKey(phone), expiresAt), expiresAt };
	});
	if (outcome.wrong) throw new DomainError(outcome.attemptsLeft <= 0 ? 'vote_code_attempts' : 'vote_code_invalid', {}, 'code');
	return { cookie: outcome.cookie, expiresAt: outcome.expiresAt };
}

import { db, type Db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { requireRole, MANAGER_ROLES } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { describeRound, loadRound } from '../competitions/guards';
import { getLatestSchemeVersion } from '../competitions/scheme-queries';
import { getCompetition } from '../competitions/competition-queries';
import { formatShanghaiTime } from '$lib/domain/entered/shanghai-time';
import type { VotePolicyInput } from '$lib/schemas/voting';
import { isSmsConfigured } from './sms';
import { getVotePolicy, upsertVotePolicy, type VotePolicyRow } from './vote-queries';
import { forgetCachedRound } from './round-cache';

/** Whether a round's scheme asks for a public vote (only such rounds have a vote policy). */
export async function roundHasPublicVote(conn: Db, organisationId: string, roundId: string): Promise<boolean> {
	const version = await getLatestSchemeVersion(conn, organisationId, roundId);
	return !!version?.scheme.components.some((component) => component.source === 'public_vote');
}

export interface RoundVoteSettings {
	policy: VotePolicyRow | null;
	/** The competition's public address, for the voting page's link. */
	slug: string;
	roundLabel: string;
	hasPublicVote: boolean;
	smsConfigured: boolean;
}

/** A round's vote policy (null when none is set) with what the organiser's page and the API show beside it. */
export async function getRoundVotePolicy(actor: OrgActor, roundId: string): Promise<RoundVoteSettings> {
	requireRole(actor, MANAGER_ROLES);
	const conn = db();
	const round = await loadRound(conn, actor, roundId);
	const [policy, competition, hasPublicVote, roundLabel] = await Promise.all([
		getVotePolicy(conn, actor.organisation.id, roundId),
		getCompetition(conn, actor.organisation.id, round.competitionId),
		roundHasPublicVote(conn, actor.organisation.id, roundId),
		describeRound(conn, actor, round)
	]);
	return { policy: policy ?? null, slug: competition!.slug, roundLabel, hasPublicVote, smsConfigured: isSmsConfigured() };
}

const describePolicy = (policy: Pick<VotePolicyRow, 'opensAt' | 'closesAt' | 'votesPerVoterPerDay' | 'votesPerCandidatePerVoterPerDay' | 'countsShown' | 'dailyPublishTime' | 'identityMode' | 'baseCost'>) => ({
	opensAt: formatShanghaiTime(policy.opensAt),
	closesAt: formatShanghaiTime(policy.closesAt),
	votesPerVoterPerDay: policy.votesPerVoterPerDay,
	votesPerCandidatePerVoterPerDay: policy.votesPerCandidatePerVoterPerDay,
	countsShown: policy.countsShown,
	dailyPublishTime: policy.dailyPublishTime,
	identityMode: policy.identityMode,
	baseCost: policy.baseCost
});

/** Sets a round's vote policy (audited). Only rounds whose scheme has a public_vote component; `verified` needs an SMS provider. */
export async function saveRoundVotePolicy(actor: OrgActor, roundId: string, input: VotePolicyInput): Promise<VotePolicyRow> {
	requireRole(actor, MANAGER_ROLES);
	if (input.identityMode === 'verified' && !isSmsConfigured()) throw new DomainError('vote_verified_needs_sms', {}, 'identityMode');
	const saved = await db().begin(async (tx) => {
		const round = await loadRound(tx, actor, roundId);
		if (!(await roundHasPublicVote(tx, actor.organisation.id, roundId))) throw new DomainError('vote_round_not_voting');
		const before = await getVotePolicy(tx, actor.organisation.id, roundId);
		const dailyPublishTime = input.dailyPublishTime === null ? null : input.dailyPublishTime.length === 5 ? `${input.dailyPublishTime}:00` : input.dailyPublishTime;
		await upsertVotePolicy(tx, actor.organisation.id, roundId, { ...input, dailyPublishTime }, actor.user.id);
		const after = (await getVotePolicy(tx, actor.organisation.id, roundId))!;
		await recordAudit(tx, actor, {
			action: before ? 'vote_policy.updated' : 'vote_policy.created',
			subjectType: 'round',
			subjectId: roundId,
			subjectLabel: `${await describeRound(tx, actor, round)} · 网络投票`,
			before: before ? describePolicy(before) : undefined,
			after: describePolicy(after)
		});
		return after;
	});
	forgetCachedRound(roundId);
	return saved;
}

import { isSchemeFrozen } from '$lib/domain/competition/lifecycle';
import { validateScheme, type Scheme } from '$lib/domain/scoring';
import { db, type Tx } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import * as schemes from './scheme-queries';
import { describeRound, loadCompetition, loadRound, requireNotClosed } from './guards';
import { schemeIssuesError } from './scheme-issues';

export type { SchemeVersionRow } from './scheme-queries';

/** A round's scheme in force, its history, and whether a change now needs a new version. */
export async function getRoundScheme(actor: OrgActor, roundId: string) {
	requireRole(actor, MANAGER_ROLES);
	const round = await loadRound(db(), actor, roundId);
	const versions = await schemes.listSchemeVersions(db(), actor.organisation.id, roundId);
	return { round, current: versions[0] ?? null, versions, isFrozen: isSchemeFrozen(round.competitionStatus) };
}

interface SaveOptions {
	reason?: string;
	action?: 'scheme.saved' | 'scheme.copied' | 'scheme.template_applied';
	copiedFrom?: string;
}

/**
 * Stores a round's scheme after checking every rule. Before judging the version in force is edited
 * in place; once judging has started the scheme is frozen and a change becomes a new version, which
 * needs a reason. Either way the audit log keeps the before and after.
 */
export async function saveRoundScheme(actor: OrgActor, roundId: string, scheme: Scheme, options: SaveOptions = {}): Promise<number> {
	requireRole(actor, MANAGER_ROLES);
	const issues = validateScheme(scheme);
	if (issues.length > 0) throw schemeIssuesError(issues, 'scheme');
	return db().begin((tx) => storeScheme(tx, actor, roundId, scheme, options));
}

export async function storeScheme(tx: Tx, actor: OrgActor, roundId: string, scheme: Scheme, options: SaveOptions): Promise<number> {
	const round = await loadRound(tx, actor, roundId);
	const competition = await loadCompetition(tx, actor, round.competitionId, true);
	requireNotClosed(competition);
	const current = await schemes.getLatestSchemeVersion(tx, actor.organisation.id, roundId, true);
	const frozen = isSchemeFrozen(competition.status);
	const reason = options.reason?.trim() ?? '';
	if (frozen && current && reason === '') throw new DomainError('scheme_frozen_needs_reason', {}, 'reason');
	let version = 1;
	if (current && !frozen) {
		version = current.version;
		await schemes.replaceSchemeVersion(tx, actor.organisation.id, current.id, scheme, actor.user.id);
	} else {
		version = (current?.version ?? 0) + 1;
		await schemes.insertSchemeVersion(tx, actor.organisation.id, { roundId, version, scheme, reason, createdBy: actor.user.id });
	}
	await recordAudit(tx, actor, {
		action: options.action ?? 'scheme.saved',
		subjectType: 'round',
		subjectId: roundId,
		subjectLabel: await describeRound(tx, actor, round),
		before: current ? { version: current.version, scheme: current.scheme } : undefined,
		after: { version, scheme, ...(reason ? { reason } : {}), ...(options.copiedFrom ? { copiedFrom: options.copiedFrom } : {}) }
	});
	return version;
}

/** Copies the scheme in force of another round of this organisation onto this round. */
export async function copyRoundScheme(actor: OrgActor, targetRoundId: string, sourceRoundId: string, reason?: string): Promise<number> {
	requireRole(actor, MANAGER_ROLES);
	await loadRound(db(), actor, sourceRoundId);
	const source = await schemes.getLatestSchemeVersion(db(), actor.organisation.id, sourceRoundId);
	if (!source) throw new DomainError('scheme_missing', {}, 'sourceRoundId');
	return saveRoundScheme(actor, targetRoundId, source.scheme, { reason, action: 'scheme.copied', copiedFrom: sourceRoundId });
}

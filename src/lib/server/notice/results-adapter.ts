import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';

/**
 * The results part's `computeResultVersion(actor, roundId, { reason })` (src/lib/server/results), which
 * computes and stores a new result version from today's rows. It was not on main when appeals were
 * written: at merge, replace this body with a call to it. Until then an appeal's re-score links a
 * version computed on the results page (linkAppealRescore with its id).
 */
export async function computeResultVersion(_actor: OrgActor, _roundId: string, _options: { reason: string }): Promise<{ id: string }> {
	throw new DomainError('appeal_rescore_needs_version');
}

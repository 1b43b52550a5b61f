import { performance } from 'node:perf_hooks';
import { db } from '../db/client';
import type { Actor, OrgActor } from '../auth/actor';
import { recordAudit } from '../audit/audit-log';
import { getOrganisationBySlug, insertMembership, insertOrganisation } from '../organisations/queries';
import { buildCraftsmanAward, type DemoAward } from './award';
import { buildSkillsContest, type DemoContest } from './contest';
import { DEMO_TEXT } from './content';

// `npm run demo` and the setup page's choice: an example organisation whose two competitions show
// the whole flow at once (issue 17). Everything goes through the platform's services except the rows
// judges, the exam and voters would have written over days, which bulk.ts writes as they store them.

export const DEMO_SLUG = 'demo';

export type DemoOutcome =
	| { created: true; organisationId: string; slug: string; award: DemoAward; contest: DemoContest; ms: number }
	| { created: false; organisationId: string; slug: string };

/** The slug for the demo when the organisation the person just set up may already use `demo`. */
export function demoSlugBeside(takenSlug: string): string {
	return takenSlug === DEMO_SLUG ? `${DEMO_SLUG}-example` : DEMO_SLUG;
}

/**
 * Creates the example organisation `slug` with `owner` as its owner and builds both competitions in
 * it. When an organisation with that slug exists already, changes nothing and says so (idempotent).
 */
export async function buildDemo(owner: Actor, slug: string = DEMO_SLUG): Promise<DemoOutcome> {
	const started = performance.now();
	const organisation = await db().begin(async (tx) => {
		// Two builds at once (a double click, two terminals) must not race for the slug.
		await tx`select pg_advisory_xact_lock(hashtextextended(${`demo:${slug}`}, 0))`;
		const existing = await getOrganisationBySlug(tx, slug);
		if (existing) return { id: existing.id, name: existing.name, fresh: false };
		const created = await insertOrganisation(tx, { slug, name: DEMO_TEXT.organisationName, allowSignUp: false });
		await insertMembership(tx, created.id, owner.user.id, 'owner');
		await recordAudit(
			tx,
			owner,
			{ action: 'organisation.created', subjectType: 'organisation', subjectId: created.id, subjectLabel: created.name, after: { slug, name: created.name, owner: owner.user.email, demo: true } },
			created.id
		);
		return { id: created.id, name: created.name, fresh: true };
	});
	if (!organisation.fresh) return { created: false, organisationId: organisation.id, slug };
	const actor: OrgActor = { ...owner, organisation: { id: organisation.id, slug, name: organisation.name }, role: 'owner' };
	const award = await buildCraftsmanAward(actor, `${slug}-craftsman-2026`);
	const contest = await buildSkillsContest(actor, `${slug}-contest-2026`);
	return { created: true, organisationId: organisation.id, slug, award, contest, ms: Math.round(performance.now() - started) };
}

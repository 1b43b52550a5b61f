import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { EntryFlag, Labels } from '$lib/domain/scoring';
import type { ResultDiff } from '$lib/domain/results/diff';
import { computeBodySchema, diffQuerySchema, namedFormSchema, publishBodySchema, removeSpecialAwardBodySchema, specialAwardBodySchema, verifyBodySchema } from '$lib/schemas/results';
import { db } from '../db/client';
import { parseFormData, runAction } from '../http/forms';
import type { RoundControl } from './access';
import { advanceRound } from './advance-service';
import { addSpecialAward, finaliseResults, listAwards, publishResults, removeSpecialAward, revealResults } from './lifecycle-service';
import { computeVersion, diffVersions, getVersion, listVersions, verifyVersion } from './versions-service';
import * as queries from './version-queries';
import { listPanel } from '../judging/panel-queries';

// The organiser's review of a round's results (/competitions/[id]/rounds/[round]/results): the load
// and the actions' bodies; the route only says who acts.

export interface ReviewRow {
	entryId: string;
	rank: number;
	number: number | null;
	/** Only once revealed: a blind round's results show numbers only until then. */
	name: string | null;
	unit: string | null;
	components: Record<string, number>;
	total: number;
	tier: { key: string; label: Labels | null } | null;
	specialAward: string | null;
	advances: boolean;
	flags: EntryFlag[];
}

/** Everything the review page shows; names and units only after the reveal. */
export async function loadReviewPage(control: RoundControl, url: URL) {
	const organisationId = control.organisationId;
	const [state, versions, awards, panel] = await Promise.all([
		queries.getRoundResultsState(db(), organisationId, control.round.id),
		listVersions(control),
		listAwards(control),
		listPanel(db(), organisationId, control.round.id)
	]);
	if (!state) throw new Error('round vanished');
	const revealed = state.resultsRevealedAt !== null;
	const latest = versions.length > 0 ? await getVersion(control) : null;
	const names = revealed ? new Map((await queries.listEntryNames(db(), organisationId, control.round.id)).map((row) => [row.entryId, row])) : new Map<string, { name: string; unit: string }>();
	const tiers = new Map((latest?.result.scheme.tiers ?? []).map((tier) => [tier.key, tier.label]));
	const awardOf = new Map((latest?.result.specialAwards ?? []).map((award) => [award.entryId, award.title]));
	const rows: ReviewRow[] = (latest?.result.result.entries ?? []).map((entry) => ({
		entryId: entry.entryId,
		rank: entry.rank,
		number: latest!.result.numbers[entry.entryId] ?? null,
		name: names.get(entry.entryId)?.name ?? null,
		unit: names.get(entry.entryId)?.unit ?? null,
		components: entry.components,
		total: entry.total,
		tier: entry.tier ? { key: entry.tier, label: tiers.get(entry.tier) ?? null } : null,
		specialAward: awardOf.get(entry.entryId) ?? null,
		advances: entry.advances,
		flags: entry.flags
	}));
	const numberOf = (entryId: string) => latest?.result.numbers[entryId] ?? null;
	const compared = diffQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	let diff: { fromVersion: number; toVersion: number; diff: ResultDiff } | null = null;
	if (compared.success) {
		const found = await diffVersions(control, compared.data.from, compared.data.to).catch(() => null);
		if (found) diff = { fromVersion: found.from.version, toVersion: found.to.version, diff: found.diff };
	}
	const { id, name, eventName, competitionId, competitionTitle, organisationSlug, blind } = control.round;
	return {
		round: {
			id,
			name,
			eventName,
			competitionId,
			competitionTitle,
			organisationSlug,
			blind,
			signedOff: state.scoresLockedAt !== null,
			revealedAt: state.resultsRevealedAt,
			publishedVersionId: state.publishedVersionId,
			noticeStartsAt: state.noticeStartsAt,
			noticeEndsAt: state.noticeEndsAt,
			finalVersionId: state.finalVersionId,
			finalisedAt: state.finalisedAt
		},
		viewer: control.as,
		components: (latest?.result.scheme.components ?? []).map((component) => ({ key: component.key, label: component.label ?? null })),
		latest: latest && { id: latest.id, version: latest.version, inputsDigest: latest.inputsDigest, engineVersion: latest.engineVersion, schemeVersion: latest.schemeVersion },
		rows,
		teams: revealed ? (latest?.result.result.teams ?? []) : [],
		versions,
		awards: awards.map((award) => ({ id: award.id, entryId: award.entryId, number: numberOf(award.entryId), name: names.get(award.entryId)?.name ?? null, title: award.title, reason: award.reason })),
		diff,
		judges: Object.fromEntries(panel.map((seat) => [seat.judgeId, seat.name]))
	};
}

type Control = (event: RequestEvent) => Promise<RoundControl>;

/** Each action: who acts first (a round not under the path is a 404 whatever the form holds), then the form, then the call. */
export function reviewActions(control: Control) {
	function action<S extends z.ZodType>(schema: S, call: (acting: RoundControl, data: z.output<S>) => Promise<Record<string, unknown> | void>, done: string) {
		return async (event: RequestEvent) => {
			const formData = await event.request.formData();
			return runAction(formData, async () => {
				const acting = await control(event);
				const parsed = parseFormData(formData, schema);
				if (!parsed.ok) return parsed.failure;
				const extra = await call(acting, parsed.data);
				return { done, ...(extra ?? {}) };
			});
		};
	}
	return {
		compute: action(computeBodySchema, async (acting, data) => ({ version: (await computeVersion(acting, data)).version }), 'computed'),
		verify: action(verifyBodySchema, async (acting, data) => {
			const verification = await verifyVersion(acting, data.versionId);
			return { verification: { version: verification.version, inputsMatch: verification.inputsMatch, numbersMatch: verification.numbersMatch, diff: verification.diff } };
		}, 'verified'),
		addAward: action(specialAwardBodySchema, async (acting, data) => void (await addSpecialAward(acting, data)), 'award_added'),
		removeAward: action(removeSpecialAwardBodySchema, (acting, data) => removeSpecialAward(acting, data), 'award_removed'),
		advance: action(namedFormSchema('advance'), async (acting) => ({ advancement: await advanceRound(acting) }), 'advanced'),
		reveal: action(namedFormSchema('reveal'), async (acting) => void (await revealResults(acting)), 'revealed'),
		publish: action(publishBodySchema, async (acting, data) => void (await publishResults(acting, data)), 'published'),
		finalise: action(namedFormSchema('finalise'), async (acting) => void (await finaliseResults(acting)), 'finalised')
	};
}

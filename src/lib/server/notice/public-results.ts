import { db } from '../db/client';
import { DomainError } from '../domain-error';
import { findPublicCompetitionBySlug, type PublicCompetitionRow } from '../registration/public-queries';
import { publicVoidedSummary } from '../vote-review/review-service';
import { noticePhase, type NoticePhase } from '$lib/domain/notice/windows';
import { explainEntry, type Explanation } from '$lib/domain/results-explain/explain';
import type { Labels } from '$lib/domain/scoring';
import { getStoredResult, listPublishedRounds, type PublishedRoundRow } from './published-queries';
import { listVersionPlacings } from '../results/placing-queries';
import { listObjectionsOfRounds } from './objection-queries';

export interface PublicPlacing {
	entryId: string;
	number: number | null;
	rank: number;
	/** Hundredths. */
	total: number;
	components: Record<string, number>;
	tierLabel: string | null;
	specialAward: string | null;
	/** Only once the results are revealed; never an ID number or a phone. */
	name: string | null;
	unit: string | null;
	/** Accepted votes the version counted, when the scheme has a public vote. */
	votes: number | null;
}

export interface PublicObjection {
	id: string;
	objectorName: string;
	body: string;
	status: 'open' | 'answered';
	answer: string | null;
	createdAt: Date;
	answeredAt: Date | null;
}

export interface PublicRoundResults {
	roundId: string;
	eventName: string;
	roundName: string;
	version: number;
	revealed: boolean;
	notice: { startsAt: Date | null; endsAt: Date | null; phase: NoticePhase };
	isFinal: boolean;
	components: { key: string; label: Labels | null }[];
	placings: PublicPlacing[];
	/** Team ranks (only once revealed: a unit names its people). */
	teams: { unit: string; score: number; rank: number | null; isComplete: boolean }[];
	/** After the vote's window: voided votes per candidate and reason class. */
	voided: { entryId: string; number: number | null; name: string | null; voided: { reasonClass: string; votes: number }[] }[] | null;
	/** After the notice window: the objections and their outcomes, without any contact. */
	objections: PublicObjection[] | null;
}

export interface PublicResults {
	competition: { title: string; organiser: string; slug: string };
	rounds: PublicRoundResults[];
}

async function publishedCompetition(slug: string): Promise<{ competition: PublicCompetitionRow; rounds: PublishedRoundRow[] }> {
	const competition = await findPublicCompetitionBySlug(db(), slug);
	if (!competition) throw new DomainError('not_found');
	const rounds = await listPublishedRounds(db(), competition.organisationId, competition.id);
	if (rounds.length === 0) throw new DomainError('not_found');
	return { competition, rounds };
}

/** What the public list needs of a version's stored result: its components, team ranks and counted votes. */
interface PublicSummary {
	components: { key: string; label: Labels | null }[];
	teams: { unit: string; score: number; rank: number | null; isComplete: boolean }[];
	votes: Map<string, number>;
}

// A result version never changes, so its summary can be kept: the public page is read in bursts when
// a link is shared, and each read would otherwise parse the whole stored result (2 MB for 1,000 entries).
const summaries = new Map<string, PublicSummary>();
const MAX_SUMMARIES = 32;

async function publicSummary(organisationId: string, versionId: string): Promise<PublicSummary> {
	const kept = summaries.get(versionId);
	if (kept) return kept;
	const stored = await getStoredResult(db(), organisationId, versionId);
	const votes = new Map<string, number>();
	for (const entry of stored?.result?.entries ?? []) {
		const vote = entry.breakdown.components.find((component) => component.source === 'public_vote');
		if (vote?.source === 'public_vote') votes.set(entry.entryId, vote.votes);
	}
	const summary: PublicSummary = {
		components: (stored?.scheme?.components ?? []).map((component) => ({ key: component.key, label: component.label ?? null })),
		teams: (stored?.result?.teams ?? []).map(({ unit, score, rank, isComplete }) => ({ unit, score, rank, isComplete })),
		votes
	};
	if (summaries.size >= MAX_SUMMARIES) summaries.delete(summaries.keys().next().value!);
	summaries.set(versionId, summary);
	return summary;
}

async function roundResults(organisationId: string, round: PublishedRoundRow, now: Date): Promise<PublicRoundResults> {
	const revealed = round.resultsRevealedAt !== null && round.resultsRevealedAt <= now;
	const phase = noticePhase({ startsAt: round.noticeStartsAt, endsAt: round.noticeEndsAt }, now);
	const [placings, summary, voided, objections] = await Promise.all([
		listVersionPlacings(db(), organisationId, [round.publishedVersionId], revealed),
		publicSummary(organisationId, round.publishedVersionId),
		publicVoidedSummary(organisationId, round.roundId, now),
		phase === 'closed' ? listObjectionsOfRounds(db(), organisationId, [round.roundId]) : Promise.resolve(null)
	]);
	return {
		roundId: round.roundId,
		eventName: round.eventName,
		roundName: round.roundName,
		version: round.version,
		revealed,
		notice: { startsAt: round.noticeStartsAt, endsAt: round.noticeEndsAt, phase },
		isFinal: round.finalisedAt !== null,
		components: summary.components,
		placings: placings.map(({ resultVersionId: _version, ...placing }) => ({ ...placing, votes: summary.votes.get(placing.entryId) ?? null })),
		teams: revealed ? summary.teams : [],
		voided: voided && voided.map((row) => ({ entryId: row.entryId, number: row.number, name: revealed ? row.name : null, voided: row.voided })),
		objections: objections && objections.map(({ id, objectorName, body, status, answer, createdAt, answeredAt }) => ({ id, objectorName, body, status, answer, createdAt, answeredAt }))
	};
}

/** The public results page (公示): every published round of the competition; not found when nothing is published. */
export async function loadPublicResults(slug: string, now: Date): Promise<PublicResults> {
	const { competition, rounds } = await publishedCompetition(slug);
	return {
		competition: { title: competition.title, organiser: competition.organiser || competition.organisationName, slug: competition.slug },
		rounds: await Promise.all(rounds.map((round) => roundResults(competition.organisationId, round, now)))
	};
}

export interface PublicExplanation {
	competition: { title: string; slug: string };
	round: { id: string; eventName: string; roundName: string; version: number };
	entry: { entryId: string; number: number | null; name: string | null; unit: string | null; tierLabel: string | null; specialAward: string | null };
	explanation: Explanation;
}

/** How one entry's published numbers arose, from the published version's stored breakdown alone. */
export async function loadPublicExplanation(slug: string, roundId: string, entryId: string, now: Date): Promise<PublicExplanation> {
	const { competition, rounds } = await publishedCompetition(slug);
	const round = rounds.find((candidate) => candidate.roundId === roundId);
	if (!round) throw new DomainError('not_found');
	const organisationId = competition.organisationId;
	const revealed = round.resultsRevealedAt !== null && round.resultsRevealedAt <= now;
	const [placings, stored] = await Promise.all([listVersionPlacings(db(), organisationId, [round.publishedVersionId], revealed), getStoredResult(db(), organisationId, round.publishedVersionId)]);
	const placing = placings.find((candidate) => candidate.entryId === entryId);
	const entry = stored?.result?.entries?.find((candidate) => candidate.entryId === entryId);
	if (!placing || !entry || !stored?.scheme) throw new DomainError('not_found');
	return {
		competition: { title: competition.title, slug: competition.slug },
		round: { id: round.roundId, eventName: round.eventName, roundName: round.roundName, version: round.version },
		entry: { entryId, number: placing.number, name: placing.name, unit: placing.unit, tierLabel: placing.tierLabel, specialAward: placing.specialAward },
		explanation: explainEntry(entry, stored.scheme)
	};
}

/** Whether the competition has a round with published results (the public page then links the notice). */
export async function hasPublishedResults(organisationId: string, competitionId: string): Promise<boolean> {
	return (await listPublishedRounds(db(), organisationId, competitionId)).length > 0;
}

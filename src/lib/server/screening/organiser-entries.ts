import type { EntrySubmission } from '$lib/schemas/entry';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { registerEntry, updateEntry } from '../registration/register';
import { withdrawEntryInTx } from '../registration/places';
import type { EntrySummaryRow } from '../registration/entry-queries';
import * as queries from './screening-queries';
import { lockOpenCompetition } from './decide';

// What an organiser's other systems do to entries through the API; the rules are the registration core's.

/** An organiser's system registers one entry: no contestant account, no consent form (the organiser holds it). */
export async function registerEntryForOrganiser(actor: OrgActor, competitionId: string, submission: EntrySubmission): Promise<EntrySummaryRow> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin((tx) => registerEntry(tx, actor, actor.organisation.id, competitionId, { source: 'api', registrantId: null, consentVersion: null }, submission));
}

/** Replaces an entry's people and answers; a withdrawn entry stays as it was. */
export async function updateEntryForOrganiser(actor: OrgActor, entryId: string, submission: EntrySubmission): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin((tx) =>
		updateEntry(tx, actor, actor.organisation.id, entryId, { source: 'api', registrantId: null, consentVersion: null }, submission, (entry) => {
			if (entry.status === 'withdrawn') throw new DomainError('entry_locked');
		})
	);
}

/** Withdraws an entry with the reason the contestant gave; its place goes to the waiting list. */
export async function withdrawEntryForOrganiser(actor: OrgActor, entryId: string, reason: string): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const entry = await queries.getEntryDetail(tx, actor.organisation.id, entryId);
		if (!entry) throw new DomainError('not_found');
		await lockOpenCompetition(tx, actor, entry.competitionId);
		const [locked] = await queries.listEntriesForDecision(tx, actor.organisation.id, [entryId]);
		if (!locked || locked.status === 'withdrawn') throw new DomainError('entry_locked');
		await withdrawEntryInTx(tx, actor, actor.organisation.id, locked, reason, `${locked.label}（${locked.eventName}）`);
	});
}

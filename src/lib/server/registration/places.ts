import { placesToFill } from '$lib/domain/registration/places';
import type { Tx } from '../db/client';
import type { Actor } from '../auth/actor';
import { recordAuditBatch } from '../audit/audit-log';
import * as queries from './entry-queries';

/**
 * Fills the event's free places from its waiting list, first come first served, after a place frees
 * (withdrawal, rejection, a larger capacity). Returns the entries that moved up.
 */
export async function promoteFromWaitlist(tx: Tx, actor: Actor, organisationId: string, competitionId: string, eventId: string): Promise<string[]> {
	const events = await queries.listRegistrationEvents(tx, organisationId, competitionId);
	const event = events.find((candidate) => candidate.id === eventId);
	if (!event) return [];
	const counts = (await queries.countPlaces(tx, organisationId, competitionId)).find((row) => row.eventId === eventId);
	const moving = placesToFill(event.capacity, counts?.taken ?? 0, counts?.waiting ?? 0);
	if (moving === 0) return [];
	const promoted = await queries.listWaitlisted(tx, organisationId, eventId, moving);
	await queries.setEntryStatus(tx, organisationId, promoted.map((entry) => entry.id), 'submitted', '');
	await recordAuditBatch(
		tx,
		actor,
		promoted.map((entry) => ({ action: 'entry.moved_up', subjectType: 'entry', subjectId: entry.id, subjectLabel: `${entry.label}（${event.name}）`, before: { status: 'waitlisted' }, after: { status: 'submitted', why: 'a place became free' } })),
		organisationId
	);
	return promoted.map((entry) => entry.id);
}

/** Withdraws an entry (its people may register again) and gives its place to the waiting list. */
export async function withdrawEntryInTx(tx: Tx, actor: Actor, organisationId: string, entry: queries.EntrySummaryRow & { competitionId: string }, reason: string, label: string): Promise<void> {
	await queries.setEntryStatus(tx, organisationId, [entry.id], 'withdrawn', reason);
	await recordAuditBatch(tx, actor, [{ action: 'entry.withdrawn', subjectType: 'entry', subjectId: entry.id, subjectLabel: label, before: { status: entry.status }, after: { status: 'withdrawn', reason } }], organisationId);
	if (entry.status === 'submitted' || entry.status === 'approved') await promoteFromWaitlist(tx, actor, organisationId, entry.competitionId, entry.eventId);
}

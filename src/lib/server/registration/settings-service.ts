import { m } from '$lib/paraglide/messages.js';
import { db } from '../db/client';
import { InvalidInputError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { loadCompetition, requireNotClosed } from '../competitions/guards';
import type { RegistrationFieldInput, RegistrationSettingsPatch } from '$lib/schemas/registration';
import * as queries from './settings-queries';

export interface RegistrationSettings extends queries.RegistrationSettingsRow {
	teamSizes: queries.TeamSizeRow[];
}

export async function getRegistrationSettings(actor: OrgActor, competitionId: string): Promise<RegistrationSettings & { title: string; slug: string; status: string }> {
	requireRole(actor, MANAGER_ROLES);
	const competition = await loadCompetition(db(), actor, competitionId);
	const [settings, teamSizes] = await Promise.all([queries.getRegistrationSettings(db(), actor.organisation.id, competitionId), queries.listTeamSizes(db(), actor.organisation.id, competitionId)]);
	return { ...settings!, teamSizes, title: competition.title, slug: competition.slug, status: competition.status };
}

/**
 * Changes the registration settings given (the rest stay). A changed privacy notice gets a new version,
 * so each contestant's consent names the exact text they accepted.
 */
export async function updateRegistrationSettings(actor: OrgActor, competitionId: string, patch: RegistrationSettingsPatch): Promise<RegistrationSettings> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		const competition = await loadCompetition(tx, actor, competitionId, true);
		requireNotClosed(competition);
		const before = (await queries.getRegistrationSettings(tx, actor.organisation.id, competitionId))!;
		const teamsBefore = await queries.listTeamSizes(tx, actor.organisation.id, competitionId);
		const noticeChanged = patch.privacyNotice !== undefined && patch.privacyNotice !== before.privacyNotice;
		const after: queries.RegistrationSettingsRow = {
			registrationClosesAt: patch.registrationClosesAt === undefined ? before.registrationClosesAt : patch.registrationClosesAt,
			allowMultipleEvents: patch.allowMultipleEvents ?? before.allowMultipleEvents,
			privacyNotice: patch.privacyNotice ?? before.privacyNotice,
			privacyNoticeVersion: before.privacyNoticeVersion + (noticeChanged ? 1 : 0),
			screeningTwoPerson: patch.screeningTwoPerson ?? before.screeningTwoPerson
		};
		const teamEvents = new Map(teamsBefore.filter((event) => event.participation === 'team').map((event) => [event.eventId, event]));
		const problems: Record<string, string> = {};
		(patch.teamSizes ?? []).forEach((size, index) => {
			if (!teamEvents.has(size.eventId)) problems[`teamSizes.${index}.eventId`] = m.registration_team_event_unknown();
		});
		if (Object.keys(problems).length > 0) throw new InvalidInputError('entries_invalid', m.entries_invalid(), problems);
		await queries.updateRegistrationSettings(tx, actor.organisation.id, competitionId, after);
		for (const size of patch.teamSizes ?? []) await queries.updateTeamSize(tx, actor.organisation.id, competitionId, size);
		const teamSizes = await queries.listTeamSizes(tx, actor.organisation.id, competitionId);
		const describe = (settings: queries.RegistrationSettingsRow, sizes: queries.TeamSizeRow[]) => ({
			registrationClosesAt: settings.registrationClosesAt?.toISOString() ?? null,
			allowMultipleEvents: settings.allowMultipleEvents,
			privacyNoticeVersion: settings.privacyNoticeVersion,
			screeningTwoPerson: settings.screeningTwoPerson,
			teamSizes: sizes.filter((event) => event.participation === 'team').map((event) => `${event.name} ${event.teamMinMembers}–${event.teamMaxMembers}`)
		});
		await recordAudit(tx, actor, {
			action: 'competition.registration_updated',
			subjectType: 'competition',
			subjectId: competitionId,
			subjectLabel: competition.title,
			before: describe(before, teamsBefore),
			after: describe(after, teamSizes)
		});
		return { ...after, teamSizes };
	});
}

export async function listRegistrationFields(actor: OrgActor, competitionId: string): Promise<queries.RegistrationFieldRow[]> {
	requireRole(actor, MANAGER_ROLES);
	await loadCompetition(db(), actor, competitionId);
	return queries.listRegistrationFields(db(), actor.organisation.id, competitionId);
}

/** The competition's own registration fields become exactly this list, in this order. */
export async function replaceRegistrationFields(actor: OrgActor, competitionId: string, fields: RegistrationFieldInput[]): Promise<queries.RegistrationFieldRow[]> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		const competition = await loadCompetition(tx, actor, competitionId, true);
		requireNotClosed(competition);
		const before = await queries.listRegistrationFields(tx, actor.organisation.id, competitionId);
		await queries.replaceRegistrationFields(tx, actor.organisation.id, competitionId, fields);
		const after = await queries.listRegistrationFields(tx, actor.organisation.id, competitionId);
		const describe = (rows: { key: string; label: string; kind: string; required: boolean }[]) => rows.map((row) => `${row.label}（${row.key}, ${row.kind}${row.required ? ', required' : ''}）`);
		await recordAudit(tx, actor, { action: 'competition.registration_fields_updated', subjectType: 'competition', subjectId: competitionId, subjectLabel: competition.title, before: describe(before), after: describe(after) });
		return after;
	});
}

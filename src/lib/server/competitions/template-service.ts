import { SCHEME_TEMPLATES, type SchemeTemplate } from '$lib/domain/scoring';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { insertCompetition, type CompetitionFields, type CompetitionRow } from './competition-queries';
import { insertEvent, insertRound } from './structure-queries';
import { storeScheme } from './scheme-service';
import { slugTaken } from './competition-service';

export function listSchemeTemplates(): readonly SchemeTemplate[] {
	return SCHEME_TEMPLATES;
}

function findSchemeTemplate(key: string): SchemeTemplate {
	const template = SCHEME_TEMPLATES.find((candidate) => candidate.key === key);
	if (!template) throw new DomainError('template_unknown', {}, 'template');
	return template;
}

/**
 * One click: a competition with one event whose rounds and schemes come from a template
 * (e.g. 工匠评选: 初评 90/10 with the best 21 advancing, then 终评 on five criteria → 12 + 9).
 */
export async function createCompetitionFromTemplate(
	actor: OrgActor,
	fields: CompetitionFields,
	options: { templateKey: string; eventName: string; locale: 'zh-CN' | 'en' }
): Promise<CompetitionRow> {
	requireRole(actor, MANAGER_ROLES);
	const template = findSchemeTemplate(options.templateKey);
	try {
		return await db().begin(async (tx) => {
			const competition = await insertCompetition(tx, actor.organisation.id, fields);
			await recordAudit(tx, actor, { action: 'competition.created', subjectType: 'competition', subjectId: competition.id, subjectLabel: competition.title, after: { ...fields, template: template.key } });
			const event = await insertEvent(tx, actor.organisation.id, competition.id, { name: options.eventName, participation: 'individual', capacity: null });
			await recordAudit(tx, actor, { action: 'event.created', subjectType: 'event', subjectId: event.id, subjectLabel: event.name, after: { name: event.name } });
			for (const round of template.rounds) {
				const roundId = await insertRound(tx, actor.organisation.id, event.id, { name: round.label[options.locale], blind: true });
				await recordAudit(tx, actor, { action: 'round.created', subjectType: 'round', subjectId: roundId, subjectLabel: `${event.name} · ${round.label[options.locale]}`, after: { eventId: event.id, name: round.label[options.locale] } });
				await storeScheme(tx, actor, roundId, round.scheme, { action: 'scheme.template_applied', reason: template.label[options.locale] });
			}
			return competition;
		});
	} catch (error) {
		return slugTaken(error);
	}
}

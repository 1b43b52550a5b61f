import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { getOpenApiDocument } from '$lib/server/api/openapi';
import { describeOperations } from '$lib/server/api/describe';

// The OpenAPI document stays in English (it is for programs); the page people read says what each
// operation does in their language. An operation added without a translation shows its English summary.
const SUMMARIES: Record<string, () => string> = {
	listCompetitions: m.a11y_api_listCompetitions,
	createCompetition: m.a11y_api_createCompetition,
	getCompetition: m.a11y_api_getCompetition,
	updateCompetition: m.a11y_api_updateCompetition,
	advanceCompetition: m.a11y_api_advanceCompetition,
	addEvent: m.a11y_api_addEvent,
	updateEvent: m.a11y_api_updateEvent,
	removeEvent: m.a11y_api_removeEvent,
	addRound: m.a11y_api_addRound,
	updateRound: m.a11y_api_updateRound,
	removeRound: m.a11y_api_removeRound,
	getRoundScheme: m.a11y_api_getRoundScheme,
	saveRoundScheme: m.a11y_api_saveRoundScheme,
	copyRoundScheme: m.a11y_api_copyRoundScheme,
	evaluateRound: m.a11y_api_evaluateRound,
	getOrganisation: m.a11y_api_getOrganisation,
	listMembers: m.a11y_api_listMembers,
	addMember: m.a11y_api_addMember,
	changeMemberRole: m.a11y_api_changeMemberRole,
	removeMember: m.a11y_api_removeMember,
	readAuditLog: m.a11y_api_readAuditLog
};

export const load = (() => ({
	operations: describeOperations(getOpenApiDocument()).map((operation) => ({ ...operation, summary: SUMMARIES[operation.operationId]?.() ?? operation.summary }))
})) satisfies PageServerLoad;

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

/** Response descriptions, by their English text (several operations share one). */
const RESPONSES: Record<string, () => string> = {
	'A page of entries': m.a11y_api_response_page,
	'Competitions': m.a11y_api_response_competitions,
	'Every entry ranked, with components, total, tier, flags and the full breakdown': m.a11y_api_response_ranked,
	'Members, owners first': m.a11y_api_response_members,
	'Not allowed at this stage (e.g. judging has started, or the results are final).': m.a11y_api_response_conflict,
	'Removed': m.a11y_api_response_removed,
	'The competition at its new stage': m.a11y_api_response_advanced,
	'The competition': m.a11y_api_response_competition,
	'The event': m.a11y_api_response_event,
	'The new competition': m.a11y_api_response_new_competition,
	'The new member': m.a11y_api_response_new_member,
	'The new role': m.a11y_api_response_new_role,
	'The organisation': m.a11y_api_response_organisation,
	'The round': m.a11y_api_response_round,
	'The scheme and its history': m.a11y_api_response_scheme,
	'The version now in force': m.a11y_api_response_version,
	'The request is invalid (fields says where).': m.a11y_api_response_invalid,
	'No valid API token.': m.a11y_api_response_no_token,
	'The token’s member may not do this.': m.a11y_api_response_forbidden,
	'No such thing in this organisation.': m.a11y_api_response_not_found
};

export const load = (() => ({
	operations: describeOperations(getOpenApiDocument()).map((operation) => ({
		...operation,
		summary: SUMMARIES[operation.operationId]?.() ?? operation.summary,
		responses: operation.responses.map((response) => ({ ...response, description: RESPONSES[response.description]?.() ?? response.description }))
	}))
})) satisfies PageServerLoad;

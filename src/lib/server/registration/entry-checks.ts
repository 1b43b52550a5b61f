import { m } from '$lib/paraglide/messages.js';
import { checkExtraValues, type ExtraFieldDefinition, type ExtraProblem, type ExtraValue } from '$lib/domain/registration/extra-fields';
import type { EntrySubmission } from '$lib/schemas/entry';
import type { RegistrationCompetition, RegistrationEvent } from './entry-queries';

export const EXTRA_MESSAGES: Record<ExtraProblem, () => string> = {
	required: m.entries_extra_required,
	too_long: m.entries_extra_too_long,
	not_a_number: m.entries_extra_not_a_number,
	not_a_date: m.entries_extra_not_a_date,
	not_an_option: m.entries_extra_not_an_option,
	not_files: m.entries_extra_not_files,
	unknown_field: m.entries_extra_unknown_field
};

export interface ShapedSubmission {
	event: RegistrationEvent;
	teamName: string | null;
	unit: string;
	extra: Record<string, ExtraValue>;
}

/**
 * The rules one submission must meet on its own (event, team size, extra fields), as translated
 * messages keyed by field path; the entry shaped for storage when there are none.
 */
export function shapeSubmission(
	submission: EntrySubmission,
	events: Map<string, RegistrationEvent>,
	fields: ExtraFieldDefinition[],
	problems: Record<string, string>,
	prefix: string
): ShapedSubmission | null {
	const event = events.get(submission.eventId);
	if (!event) {
		problems[`${prefix}eventId`] = m.entries_error_event_not_in_competition();
		return null;
	}
	let ok = true;
	if (event.participation === 'individual' && submission.members.length !== 1) {
		problems[`${prefix}members`] = m.entries_individual_one_person();
		ok = false;
	}
	if (event.participation === 'team') {
		if (!submission.teamName) {
			problems[`${prefix}teamName`] = m.entries_team_name_required();
			ok = false;
		}
		if (submission.members.length < event.teamMinMembers || submission.members.length > event.teamMaxMembers) {
			problems[`${prefix}members`] = m.entries_team_size({ min: event.teamMinMembers, max: event.teamMaxMembers });
			ok = false;
		}
	}
	const extra = checkExtraValues(fields, submission.extra);
	if (!extra.ok) {
		for (const [key, problem] of Object.entries(extra.problems)) problems[`${prefix}extra.${key}`] = EXTRA_MESSAGES[problem]();
		ok = false;
	}
	if (!ok || !extra.ok) return null;
	const unit = event.participation === 'team' ? (submission.unit ?? submission.members[0]!.unit) : submission.members[0]!.unit;
	return { event, teamName: event.participation === 'team' ? submission.teamName : null, unit, extra: extra.values };
}

/** Whether this source may register now: contestants while registration is open, organisers until screening ends. */
export function registrationOpenFor(competition: RegistrationCompetition, self: boolean, now: Date): boolean {
	if (self) return competition.status === 'registration' && (competition.registrationClosesAt === null || now < competition.registrationClosesAt);
	return competition.status === 'registration' || competition.status === 'screening';
}

import type { RegistrationSettings } from '../registration/settings-service';
import type { RegistrationFieldRow } from '../registration/settings-queries';

export function toApiRegistrationSettings(settings: RegistrationSettings) {
	return {
		registrationClosesAt: settings.registrationClosesAt?.toISOString() ?? null,
		allowMultipleEvents: settings.allowMultipleEvents,
		privacyNotice: settings.privacyNotice,
		privacyNoticeVersion: settings.privacyNoticeVersion,
		screeningTwoPerson: settings.screeningTwoPerson,
		teamSizes: settings.teamSizes.filter((event) => event.participation === 'team').map((event) => ({ eventId: event.eventId, name: event.name, min: event.teamMinMembers, max: event.teamMaxMembers }))
	};
}

export function toApiRegistrationFields(rows: RegistrationFieldRow[]) {
	return { fields: rows.map((row) => ({ key: row.key, label: row.label, kind: row.kind, options: row.options, required: row.required, position: row.position })) };
}

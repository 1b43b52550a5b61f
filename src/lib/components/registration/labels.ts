import { m } from '$lib/paraglide/messages.js';
import type { IdType } from '$lib/domain/identity/id-number';
import type { EntryStatus } from '$lib/domain/registration/places';
import type { SkillLevel } from '$lib/schemas/entry';

// Names of the registration core's values, from the core catalogue (entries).

export const ID_TYPE_LABELS: Record<IdType, () => string> = {
	resident_id: m.entries_id_type_resident_id,
	residence_permit: m.entries_id_type_residence_permit,
	hk_macao_permit: m.entries_id_type_hk_macao_permit,
	taiwan_permit: m.entries_id_type_taiwan_permit,
	passport: m.entries_id_type_passport
};

export const LEVEL_LABELS: Record<SkillLevel, () => string> = {
	junior: m.entries_level_junior,
	intermediate: m.entries_level_intermediate,
	senior: m.entries_level_senior,
	technician: m.entries_level_technician,
	senior_technician: m.entries_level_senior_technician
};

export const GENDER_LABELS: Record<'female' | 'male', () => string> = { female: m.entries_gender_female, male: m.entries_gender_male };

export const ENTRY_STATUS_LABELS: Record<EntryStatus, () => string> = {
	submitted: m.entries_status_submitted,
	approved: m.entries_status_approved,
	rejected: m.entries_status_rejected,
	waitlisted: m.entries_status_waitlisted,
	withdrawn: m.entries_status_withdrawn
};

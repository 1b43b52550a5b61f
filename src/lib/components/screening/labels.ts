import { m } from '$lib/paraglide/messages.js';
import type { EntryStatus } from '$lib/domain/registration/places';

const STATUS_LABELS: Record<EntryStatus, () => string> = {
	submitted: m.entries_status_submitted,
	approved: m.entries_status_approved,
	rejected: m.entries_status_rejected,
	waitlisted: m.entries_status_waitlisted,
	withdrawn: m.entries_status_withdrawn
};

export function entryStatusLabel(status: EntryStatus): string {
	return STATUS_LABELS[status]();
}

export const ENTRY_STATUS_COLOURS: Record<EntryStatus, string> = {
	submitted: 'bg-sky-100 text-sky-800',
	approved: 'bg-emerald-100 text-emerald-800',
	rejected: 'bg-red-100 text-red-800',
	waitlisted: 'bg-amber-100 text-amber-800',
	withdrawn: 'bg-stone-100 text-stone-700'
};

const ID_TYPE_LABELS: Record<string, () => string> = {
	resident_id: m.entries_id_type_resident_id,
	residence_permit: m.entries_id_type_residence_permit,
	hk_macao_permit: m.entries_id_type_hk_macao_permit,
	taiwan_permit: m.entries_id_type_taiwan_permit,
	passport: m.entries_id_type_passport
};

const LEVEL_LABELS: Record<string, () => string> = {
	junior: m.entries_level_junior,
	intermediate: m.entries_level_intermediate,
	senior: m.entries_level_senior,
	technician: m.entries_level_technician,
	senior_technician: m.entries_level_senior_technician
};

export const idTypeLabel = (type: string) => ID_TYPE_LABELS[type]?.() ?? type;
export const levelLabel = (level: string | null) => (level ? (LEVEL_LABELS[level]?.() ?? level) : '');
export const genderLabel = (gender: string) => (gender === 'female' ? m.entries_gender_female() : m.entries_gender_male());

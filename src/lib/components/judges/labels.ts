import { m } from '$lib/paraglide/messages.js';
import type { RecusalReason } from '$lib/domain/conflicts/conflicts';

export const conflictReasonLabel = (reason: RecusalReason): string =>
	({
		same_unit: m.judges_conflict_automatic,
		same_employer: m.judges_conflict_kind_same_employer,
		teacher_apprentice: m.judges_conflict_kind_teacher_apprentice,
		relative: m.judges_conflict_kind_relative,
		other: m.judges_conflict_kind_other
	})[reason]();

export const panelRoleLabel = (role: 'judge' | 'head' | 'encryption'): string =>
	({ judge: m.judges_role_judge, head: m.judges_role_head, encryption: m.judges_role_encryption })[role]();

/** An entry as judges and organisers call it in a round: by its number. */
export const entryNumberLabel = (number: number | null): string => (number === null ? m.judges_entry_unnumbered() : m.judges_entry_number({ number }));

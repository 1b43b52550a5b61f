import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { checkIdNumber, ID_TYPES, type IdProblem } from '$lib/domain/identity/id-number';
import { contestToday } from '$lib/format';
import { emptyAsNull, optionalText, requiredText } from './fields';

export const SKILL_LEVELS = ['junior', 'intermediate', 'senior', 'technician', 'senior_technician'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

const ID_PROBLEM_MESSAGES: Record<IdProblem, () => string> = {
	format: m.entries_id_format,
	checksum: m.entries_id_checksum,
	region: m.entries_id_region,
	birth_date: m.entries_id_birth_date
};

export const idTypeField = z.enum(ID_TYPES, { error: () => m.validation_invalid() });
export const genderField = z.enum(['female', 'male'], { error: () => m.validation_required() });
export const skillLevelField = z.preprocess(emptyAsNull, z.enum(SKILL_LEVELS, { error: () => m.validation_invalid() }).nullable()).default(null);
export const mobileField = z
	.string({ error: () => m.entries_phone_invalid() })
	.transform((value) => value.replace(/[\s-]/g, ''))
	.pipe(z.string().regex(/^1[3-9]\d{9}$/, { error: () => m.entries_phone_invalid() }));

/**
 * One person as they register: the ID number is checked by its type's rule (and, where the number
 * carries them, against the birth date and gender) and comes out normalised with its birth date.
 */
export const entrantSchema = z
	.object({
		name: requiredText(100),
		gender: genderField,
		idType: idTypeField,
		idNumber: z.string({ error: () => m.validation_required() }).max(40, { error: () => m.entries_id_format() }),
		phone: mobileField,
		unit: requiredText(200),
		trade: optionalText(100).default(''),
		level: skillLevelField
	})
	.transform((value, context) => {
		const check = checkIdNumber(value.idType, value.idNumber, contestToday());
		if (!check.ok) {
			context.addIssue({ code: 'custom', path: ['idNumber'], message: value.idNumber.trim() === '' ? m.validation_required() : ID_PROBLEM_MESSAGES[check.problem]() });
			return z.NEVER;
		}
		if (check.gender && check.gender !== value.gender) {
			context.addIssue({ code: 'custom', path: ['gender'], message: m.entries_id_gender_mismatch() });
			return z.NEVER;
		}
		return { ...value, idNumber: check.value, birthDate: check.birthDate };
	})
	.meta({ id: 'Entrant' });

export type Entrant = z.output<typeof entrantSchema>;

/** One entry: a person (individual event) or a team with its members, leader first. */
export const entrySubmissionSchema = z
	.object({
		eventId: z.uuid({ error: () => m.validation_invalid() }),
		teamName: z.preprocess(emptyAsNull, optionalText(100).nullable()).default(null),
		// A team's unit; an individual entry takes its person's unit.
		unit: z.preprocess(emptyAsNull, optionalText(200).nullable()).default(null),
		members: z.array(entrantSchema).min(1, { error: () => m.validation_required() }).max(50),
		extra: z.record(z.string(), z.unknown()).default({})
	})
	.meta({ id: 'EntrySubmission' });

export type EntrySubmission = z.output<typeof entrySubmissionSchema>;

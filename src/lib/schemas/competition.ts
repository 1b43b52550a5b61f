import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { COMPETITION_STATUSES } from '$lib/domain/competition/lifecycle';
import { templateFitsKind } from '$lib/domain/competition/template-kinds';
import { checkboxField, dateField, digitsAsNumber, emptyAsNull, emptyAsUndefined, optionalText, plainText, requiredText, slugField } from './fields';
import { schemeSchema } from './scheme';

const optionalDate = z.preprocess(emptyAsNull, dateField.nullable());

export const competitionKindField = z.enum(['skills_contest', 'craftsman_award'], { error: () => m.validation_invalid() });

const competitionFieldsShape = {
	title: requiredText(200),
	organiser: optionalText(200).default(''),
	startsOn: optionalDate.default(null),
	endsOn: optionalDate.default(null),
	venue: optionalText(200).default(''),
	description: optionalText(5000).default(''),
	slug: slugField
};

const datesInOrder = (value: { startsOn: string | null; endsOn: string | null }) => !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;
const datesInOrderIssue = { path: ['endsOn'], error: () => m.competition_dates_order() };

export const competitionFieldsSchema = z.object(competitionFieldsShape).refine(datesInOrder, datesInOrderIssue).meta({ id: 'CompetitionFields' });

export const createCompetitionSchema = z
	.object({
		kind: competitionKindField,
		...competitionFieldsShape,
		template: z.preprocess(emptyAsUndefined, z.enum(['skills_contest', 'craftsman_award', 'worldskills'], { error: () => m.validation_invalid() }).optional()),
		eventName: optionalText(100).default('')
	})
	.refine(datesInOrder, datesInOrderIssue)
	.refine((value) => !value.template || value.eventName !== '', { path: ['eventName'], error: () => m.validation_required() })
	.refine((value) => !value.template || templateFitsKind(value.template, value.kind), { path: ['template'], error: () => m.competition_template_wrong_kind() })
	.meta({ id: 'CreateCompetition' });

export const eventFieldsSchema = z
	.object({
		name: requiredText(100),
		participation: z.enum(['individual', 'team'], { error: () => m.validation_invalid() }).default('individual'),
		capacity: z.preprocess(
			(value) => digitsAsNumber(emptyAsNull(value)),
			z.int({ error: () => m.validation_whole_number() }).min(1, { error: () => m.validation_whole_number() }).max(100_000).nullable()
		).default(null)
	})
	.meta({ id: 'EventFields' });

export const roundFieldsSchema = z.object({ name: requiredText(100), blind: checkboxField }).meta({ id: 'RoundFields' });

export const advanceCompetitionSchema = z.object({ to: z.enum(COMPETITION_STATUSES, { error: () => m.validation_invalid() }) }).meta({ id: 'AdvanceCompetition' });

/** `to` names the step the caller saw as the previous one, so a repeated or stale request cannot go back twice. */
export const stepBackCompetitionSchema = z
	.object({ to: z.enum(COMPETITION_STATUSES, { error: () => m.validation_invalid() }), reason: requiredText(500) })
	.meta({ id: 'StepBackCompetition' });

const reasonField = optionalText(500).default('');

/** The scheme editor posts the scheme as JSON text in one field. */
export const saveSchemeFormSchema = z.object({
	scheme: plainText().transform((text, context) => {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			context.addIssue({ code: 'custom', message: m.validation_invalid() });
			return z.NEVER;
		}
	}).pipe(schemeSchema),
	reason: reasonField
});

export const saveSchemeBodySchema = z.object({ scheme: schemeSchema, reason: reasonField }).meta({ id: 'SaveScheme' });

export const copySchemeSchema = z.object({ sourceRoundId: z.uuid({ error: () => m.validation_invalid() }), reason: reasonField }).meta({ id: 'CopyScheme' });

export const idPathSchema = z.object({ id: z.uuid() });

export const addRoundFormSchema = roundFieldsSchema.extend({ eventId: z.uuid({ error: () => m.validation_invalid() }) });
export const removeEventFormSchema = z.object({ eventId: z.uuid({ error: () => m.validation_invalid() }) });
export const removeRoundFormSchema = z.object({ roundId: z.uuid({ error: () => m.validation_invalid() }) });
export const updateEventFormSchema = eventFieldsSchema.extend({ eventId: z.uuid({ error: () => m.validation_invalid() }) });
export const updateRoundFormSchema = roundFieldsSchema.extend({ roundId: z.uuid({ error: () => m.validation_invalid() }) });

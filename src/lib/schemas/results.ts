import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { digitsAsNumber, emptyAsUndefined, optionalText, requiredText } from './fields';

// What organisers send about a round's results (issue 17, results part): the API's bodies and the
// review page's forms share these.

const uuidField = () => z.uuid({ error: () => m.validation_invalid() });
const optionalUuid = () => z.preprocess(emptyAsUndefined, uuidField().optional());
/** An ISO 8601 date and time (a browser's datetime-local value has no offset: the server's time zone). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
const instant = () =>
	z.preprocess(
		emptyAsUndefined,
		z
			.string({ error: () => m.validation_invalid() })
			.refine((value) => ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) && Number(value.slice(0, 4)) >= 1900 && Number(value.slice(0, 4)) <= 2200, { error: () => m.results_validation_datetime() })
			.transform((value) => new Date(value))
			.optional()
	);

export const resultsPathSchema = z.object({ id: z.uuid(), roundId: z.uuid() });
export const versionPathSchema = resultsPathSchema.extend({ versionId: z.uuid() });

export const computeBodySchema = z.object({ reason: z.preprocess((value) => value ?? '', optionalText(2000)) }).meta({ id: 'ComputeResultsBody' });
export const verifyBodySchema = z.object({ versionId: optionalUuid().meta({ description: 'The version to verify; the latest when left out.' }) }).meta({ id: 'VerifyResultsBody' });
export const diffQuerySchema = z.object({ from: uuidField(), to: uuidField() });

export const specialAwardBodySchema = z.object({ entryId: uuidField(), title: requiredText(100), reason: requiredText(1000) }).meta({ id: 'SpecialAwardBody' });
export const removeSpecialAwardBodySchema = z.object({ awardId: uuidField(), reason: requiredText(1000) }).meta({ id: 'RemoveSpecialAwardBody' });

/** The notice (公示) window: a start (now when left out) and either a number of days or an end. */
export const publishBodySchema = z
	.object({
		versionId: optionalUuid().meta({ description: 'The version to publish; the latest when left out.' }),
		startsAt: instant().meta({ description: 'When the notice starts (ISO 8601); now when left out.' }),
		days: z.preprocess(emptyAsUndefined, z.preprocess(digitsAsNumber, z.number({ error: () => m.validation_invalid() }).int({ error: () => m.validation_invalid() }).min(1, { error: () => m.results_validation_days() }).max(60, { error: () => m.results_validation_days() })).optional()),
		endsAt: instant().meta({ description: 'When the notice ends (ISO 8601); instead of days.' })
	})
	.superRefine((body, context) => {
		if (body.days === undefined && body.endsAt === undefined) context.addIssue({ code: 'custom', path: ['days'], message: m.results_validation_days_or_end() });
		if (body.days !== undefined && body.endsAt !== undefined) context.addIssue({ code: 'custom', path: ['endsAt'], message: m.results_validation_days_or_end() });
	})
	.meta({ id: 'PublishResultsBody' });

/** Forms that only name themselves (reveal, advance, finalise), so a stray post is refused. */
export const namedFormSchema = (name: string) => z.strictObject({ form: z.literal(name, { error: () => m.validation_invalid() }) });

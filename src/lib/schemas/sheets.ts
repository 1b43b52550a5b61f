import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { isPlainText, optionalText } from './fields';

// A judge's writes (DESIGN.md §4), from a tablet over the socket or from another system over the API.
// The shape is checked here; whether the keys and values fit the round's scheme is checked by the
// service against the scheme version in force (src/lib/domain/sheets/check-sheet.ts).

const uuidField = () => z.uuid({ error: () => m.validation_invalid() });
/** A scheme key as the scheme editor allows it (criteria, deduction items, components). */
const schemeKey = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: () => m.validation_invalid() });
/** Integer hundredths ≥ 0 (12.5 points = 1250); the scheme's max is checked by the service. */
const hundredths = z
	.number({ error: () => m.validation_invalid() })
	.int({ error: () => m.sheets_validation_hundredths() })
	.min(0, { error: () => m.sheets_validation_hundredths() })
	.max(100_000_000, { error: () => m.validation_invalid() });
const occurrences = z
	.number({ error: () => m.validation_invalid() })
	.int({ error: () => m.validation_invalid() })
	.min(0, { error: () => m.validation_invalid() })
	.max(10_000, { error: () => m.validation_invalid() });

const keyedRecord = <T extends z.ZodType>(value: T, max: number) =>
	z.record(schemeKey, value, { error: () => m.validation_invalid() }).refine((record) => Object.keys(record).length <= max, { error: () => m.validation_invalid() });

export const sheetKindField = z.enum(['save', 'submit'], { error: () => m.validation_invalid() });

/** What every write carries, whichever way it arrives. */
const writeShape = {
	operationId: uuidField().meta({ description: 'Made by the client when the change was made; sending it again changes nothing and answers the same.' }),
	kind: sheetKindField.meta({ description: '`save` keeps the sheet a draft (or returned); `submit` sends it to the head judge and needs every criterion.' }),
	scores: keyedRecord(hundredths.nullable(), 200).meta({ description: 'Criterion key → integer hundredths (0..max); the sheet’s whole values, not a change. null or absent: not scored yet.' }),
	deductions: keyedRecord(occurrences, 200).default({}).meta({ description: 'Deduction item key → occurrences this judge counted.' }),
	note: optionalText(1000).default(''),
	baseVersion: z.number().int().min(0).nullable().default(null).meta({ description: 'The sheet version the change was made on (null: never seen); a later write still wins, and the answer says `superseded`.' })
};

/** `sheet:apply` over the socket: one change to one of the judge's own sheets. */
export const sheetOperationSchema = z.object({
	...writeShape,
	deviceId: z.string().max(100).optional(),
	roundId: uuidField(),
	entryId: uuidField(),
	componentKey: schemeKey,
	clientTime: z.iso.datetime({ offset: true, error: () => m.validation_date() })
});

/** `PUT /rounds/{id}/sheets/{judgeId}/{entryId}/{componentKey}`: a sheet written by another system or from paper. */
export const sheetWriteBodySchema = z.object({ ...writeShape, clientTime: z.iso.datetime({ offset: true, error: () => m.validation_date() }).optional() }).meta({ id: 'SheetWrite' });

export const sheetPathSchema = z.object({ id: z.uuid(), judgeId: z.uuid(), entryId: z.uuid(), componentKey: schemeKey });

export const sheetFilterSchema = z.object({ judgeId: z.uuid().optional(), entryId: z.uuid().optional() });

export const judgeRoundRequestSchema = z.object({ roundId: uuidField() });

export const deviceHeartbeatSchema = z.object({
	outboxSize: z.number().int().min(0).max(1_000_000),
	appVersion: z.string().max(50).refine(isPlainText),
	clientTime: z.iso.datetime({ offset: true })
});

export type SheetWrite = z.output<typeof sheetWriteBodySchema>;
export type SheetOperationInput = z.output<typeof sheetOperationSchema>;

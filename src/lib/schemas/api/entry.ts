import { z } from 'zod';
import { ENTRY_STATUSES } from '$lib/domain/registration/places';

const maskedMemberSchema = z
	.object({
		position: z.int().meta({ description: '0 for the person of an individual entry or a team’s leader.' }),
		name: z.string(),
		gender: z.enum(['female', 'male']),
		idType: z.string(),
		idNumberMasked: z.string().meta({ example: '330523********1234' }),
		phoneMasked: z.string().meta({ example: '138****5678' }),
		unit: z.string(),
		trade: z.string(),
		level: z.string().nullable(),
		birthDate: z.iso.date().nullable()
	})
	.meta({ id: 'EntryMember' });

const entryFields = {
	id: z.uuid(),
	eventId: z.uuid(),
	eventName: z.string(),
	teamName: z.string().nullable(),
	unit: z.string(),
	status: z.enum(ENTRY_STATUSES),
	statusReason: z.string().meta({ description: 'Why it was rejected (the contestant sees it) or withdrawn.' }),
	source: z.enum(['self', 'import', 'api', 'organiser', 'recommendation']),
	approvals: z.int().meta({ description: 'Approvals that count so far.' }),
	approvalsNeeded: z.int().meta({ description: '2 under the two-person rule, otherwise 1.' }),
	extra: z.record(z.string(), z.unknown()),
	createdAt: z.iso.datetime(),
	members: z.array(maskedMemberSchema)
};

export const entrySchema = z.object(entryFields).meta({ id: 'Entry' });

export const entryPageSchema = z
	.object({
		entries: z.array(entrySchema),
		total: z.int().meta({ description: 'Entries matching the filters.' }),
		page: z.int(),
		pageSize: z.int(),
		counts: z.record(z.enum(ENTRY_STATUSES), z.int()).meta({ description: 'Entries of the competition per status (all, not only those matching).' })
	})
	.meta({ id: 'EntryPage' });

export const entryDetailSchema = z
	.object({
		...entryFields,
		competitionId: z.uuid(),
		consentedAt: z.iso.datetime().nullable(),
		consentVersion: z.int().nullable(),
		attachments: z.array(z.object({ id: z.uuid(), fieldKey: z.string(), originalName: z.string(), contentType: z.string(), sizeBytes: z.int() })),
		decisions: z.array(z.object({ reviewer: z.string(), decision: z.enum(['approve', 'reject']), reason: z.string(), counted: z.boolean(), createdAt: z.iso.datetime() }))
	})
	.meta({ id: 'EntryDetail' });

export const registeredEntrySchema = z.object({ id: z.uuid(), eventId: z.uuid(), status: z.enum(ENTRY_STATUSES) }).meta({ id: 'RegisteredEntry' });

const problems = ['not_found', 'already_decided', 'same_reviewer', 'reason_required', 'not_screenable', 'event_full'] as const;
export const decisionSummarySchema = z
	.object({
		approved: z.array(z.uuid()),
		awaitingSecondApproval: z.array(z.uuid()).meta({ description: 'Approved by this reviewer; the two-person rule waits for a different one.' }),
		rejected: z.array(z.uuid()),
		skipped: z.array(z.object({ entryId: z.uuid(), problem: z.enum(problems) }))
	})
	.meta({ id: 'ScreeningDecisionSummary' });

export const personalNumbersSchema = z
	.object({ members: z.array(z.object({ position: z.int(), name: z.string(), idNumber: z.string(), phone: z.string() })) })
	.meta({ id: 'EntryPersonalNumbers' });

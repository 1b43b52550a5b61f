import { z } from 'zod';

// What the API answers about a round's scoring as the head judge and organisers run it (issue 15).
// Points are integer hundredths (12.5 points = 1250), like the engine.

const labels = z.object({ 'zh-CN': z.string(), en: z.string() }).nullable();
const sheetStatus = z.enum(['draft', 'submitted', 'returned', 'locked']);
const flag = z.object({ code: z.string().meta({ example: 'spread_over_threshold' }) }).catchall(z.unknown()).meta({ description: 'A flag of the scoring engine; never changes a score.' });

export const matrixSchema = z
	.object({
		round: z.object({
			id: z.uuid(),
			name: z.string(),
			blind: z.boolean(),
			eventName: z.string(),
			competitionId: z.uuid(),
			lockedAt: z.iso.datetime().nullable().meta({ description: 'When the head judge signed off (every sheet is then locked).' }),
			signedOffByName: z.string().nullable()
		}),
		judges: z.array(z.object({ judgeId: z.uuid(), name: z.string(), isHead: z.boolean() })).meta({ description: 'The scoring judges of the panel.' }),
		components: z.array(z.object({ key: z.string(), label: labels, source: z.enum(['judges', 'entered', 'public_vote']) })),
		entries: z.array(
			z.object({
				entryId: z.uuid(),
				number: z.number().int().nullable().meta({ description: 'The marking number, else the contestant number. A blind round’s matrix carries numbers only.' }),
				name: z.string().optional().meta({ description: 'Open rounds only.' }),
				cells: z.array(
					z.object({
						judgeId: z.uuid(),
						componentKey: z.string(),
						state: z.enum(['not_started', 'draft', 'submitted', 'returned', 'locked', 'stood_aside', 'absent']),
						judgeScore: z.number().int().nullable().meta({ description: 'R_j on the 0–100 scale, in hundredths; null while incomplete.' }),
						version: z.number().int().nullable(),
						reason: z.string(),
						deductions: z.record(z.string(), z.number().int()).meta({ description: 'This judge’s own tallies at the bench.' })
					})
				),
				components: z.record(z.string(), z.number().int().nullable()).meta({ description: 'Each component as the engine scores it from the sheets received so far.' }),
				panelDeductions: z.record(z.string(), z.record(z.string(), z.number().int())).meta({ description: 'The panel’s deduction counts, which the engine uses.' }),
				flags: z.array(flag),
				missing: z.array(z.object({ judgeId: z.uuid(), componentKey: z.string() }))
			})
		),
		absences: z.array(z.object({ entryId: z.uuid(), judgeId: z.uuid(), reason: z.string(), recordedByName: z.string().nullable(), createdAt: z.iso.datetime() })),
		progress: z.object({ received: z.number().int(), expected: z.number().int() })
	})
	.meta({ id: 'RoundMatrix' });

export const sheetSchema = z
	.object({
		entryId: z.uuid(),
		judgeId: z.uuid(),
		componentKey: z.string(),
		status: sheetStatus,
		version: z.number().int(),
		statusReason: z.string(),
		scores: z.record(z.string(), z.number().int()),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'ScoreSheetStatus' });

export const signOffSchema = z.object({ roundId: z.uuid(), lockedSheets: z.number().int() }).meta({ id: 'RoundSignOff' });

export const provisionalResultsSchema = z
	.object({
		roundId: z.uuid(),
		schemeVersion: z.number().int(),
		results: z.array(
			z.object({
				rank: z.number().int(),
				entryId: z.uuid(),
				number: z.number().int().nullable(),
				components: z.record(z.string(), z.number().int()),
				total: z.number().int(),
				tier: z.string().nullable(),
				flags: z.array(flag)
			})
		)
	})
	.meta({ id: 'ProvisionalResults' });

export const deviceSchema = z
	.object({
		id: z.uuid(),
		judgeId: z.uuid(),
		judgeName: z.string(),
		userAgent: z.string(),
		appVersion: z.string(),
		outboxSize: z.number().int().meta({ description: 'Operations the tablet reported as not yet acknowledged.' }),
		clockSkewMs: z.number().int().nullable().meta({ description: 'The tablet’s clock minus the server’s, in milliseconds.' }),
		lastSeenAt: z.iso.datetime().nullable(),
		revokedAt: z.iso.datetime().nullable(),
		isSignedIn: z.boolean()
	})
	.meta({ id: 'JudgeDevice' });

export const deviceListSchema = z.object({ devices: z.array(deviceSchema) }).meta({ id: 'JudgeDeviceList' });

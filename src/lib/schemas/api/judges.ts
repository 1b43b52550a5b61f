import { z } from 'zod';
import { CONFLICT_KINDS } from '$lib/domain/conflicts/conflicts';

export const judgeSchema = z
	.object({
		id: z.uuid(),
		competitionId: z.uuid(),
		name: z.string().meta({ example: '王建国' }),
		unit: z.string().meta({ example: '县职业技术学校' }),
		phone: z.string().meta({ description: 'Mainland mobile, or empty.' }),
		specialty: z.string(),
		email: z.string().nullable(),
		hasAccount: z.boolean().meta({ description: 'An account is linked (by invitation or a redeemed sign-in code).' })
	})
	.meta({ id: 'Judge' });

export const judgeListSchema = z.object({ judges: z.array(judgeSchema) }).meta({ id: 'JudgeList' });

export const signInCodeSchema = z
	.object({
		judgeId: z.uuid(),
		code: z.string().meta({ example: 'K7MX4PQA', description: 'Shown only in this answer; stored as its hash. Single use.' }),
		expiresAt: z.iso.datetime().meta({ description: 'The end of today in Asia/Shanghai.' }),
		signInUrl: z.string().meta({ description: 'The link the QR code on the printed card opens.' })
	})
	.meta({ id: 'JudgeSignInCode' });

export const judgeInvitationSchema = z
	.object({ judgeId: z.uuid(), url: z.string().meta({ description: 'Shown only in this answer; valid for 14 days.' }), expiresAt: z.iso.datetime() })
	.meta({ id: 'JudgeInvitation' });

export const panelSchema = z
	.object({
		roundId: z.uuid(),
		members: z.array(z.object({ judgeId: z.uuid(), name: z.string(), role: z.enum(['judge', 'head', 'encryption']) }))
	})
	.meta({ id: 'Panel' });

export const conflictSchema = z
	.object({
		id: z.uuid().nullable().meta({ description: 'The declared conflict’s id; null for an automatic (same unit) one.' }),
		judgeId: z.uuid(),
		entryId: z.uuid(),
		reason: z.enum(['same_unit', ...CONFLICT_KINDS]),
		automatic: z.boolean(),
		note: z.string(),
		declaredBy: z.string().nullable().meta({ description: 'Who declared it; null for an automatic one.' }),
		declaredByJudge: z.boolean().meta({ description: 'The judge declared it themselves.' }),
		declaredAt: z.iso.datetime().nullable()
	})
	.meta({ id: 'Conflict' });

export const conflictListSchema = z.object({ conflicts: z.array(conflictSchema) }).meta({ id: 'ConflictList' });

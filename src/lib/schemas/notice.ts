import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { checkboxField, digitsAsNumber, requiredText } from './fields';

// The public notice's inputs (issue 17, publication part): objections from anyone, answers from the
// organisers, appeals from contestants, decisions of the arbitration group, and the appeal window.

const uuidField = () => z.uuid({ error: () => m.validation_invalid() });

/** A mainland mobile (11 digits) or an e-mail address: how the organisers reach the objector. */
const contactField = () =>
	requiredText(254)
		.refine((value) => /^1[3-9]\d{9}$/.test(value) || z.email().safeParse(value).success, { error: () => m.notice_validation_contact() })
		.meta({ description: 'A mainland mobile number or an e-mail address; stored encrypted, never shown publicly.', example: '13800138000' });

export const objectionSchema = z.object({
	roundId: uuidField(),
	name: requiredText(100).meta({ example: '张三' }),
	contact: contactField(),
	body: requiredText(4000).meta({ example: '第 3 号选手的扣分记录与现场不符。' })
});
export type ObjectionInput = z.output<typeof objectionSchema>;

export const objectionAnswerBodySchema = z.object({ answer: requiredText(4000).meta({ example: '经复核，扣分记录无误，维持原结果。' }) });
export const objectionAnswerSchema = objectionAnswerBodySchema.extend({ objectionId: uuidField() });

export const appealSchema = z.object({
	roundId: uuidField(),
	body: requiredText(4000).meta({ example: '第二位裁判的工艺分与评分细则不符，请求复核。' })
});
export type AppealInput = z.output<typeof appealSchema>;

const decisionFields = z.object({
	decision: z.enum(['dismissed', 'upheld'], { error: () => m.notice_validation_decision() }),
	requiresRescore: checkboxField.meta({ description: 'Upheld only: the correction needs a re-score and a new result version.' }),
	reason: requiredText(2000).meta({ example: '经仲裁组核实，第二位裁判的工艺分录入有误，须重新评分。' })
});
const rescoreNeedsUpheld = (value: { decision: string; requiresRescore: boolean }) => value.decision === 'upheld' || !value.requiresRescore;
const rescoreNeedsUpheldMessage = { error: () => m.notice_validation_rescore_needs_upheld(), path: ['requiresRescore'] };

export const appealDecisionBodySchema = decisionFields.refine(rescoreNeedsUpheld, rescoreNeedsUpheldMessage);
export const appealDecisionSchema = decisionFields.extend({ appealId: uuidField() }).refine(rescoreNeedsUpheld, rescoreNeedsUpheldMessage);
export type AppealDecisionBody = z.output<typeof appealDecisionBodySchema>;

export const appealRescoreBodySchema = z.object({
	/** The new result version that carries the correction; omitted: compute one now with the decision's reason. */
	versionId: z.preprocess((value) => (value === '' ? undefined : value), uuidField().optional()).meta({ description: 'The new result version of the round; omitted: compute one now with the decision’s reason.' })
});
export const appealRescoreSchema = appealRescoreBodySchema.extend({ appealId: uuidField() });

export const arbitratorSchema = z.object({ userId: uuidField() });

export const appealWindowBodySchema = z.object({
	minutes: z.preprocess(
		digitsAsNumber,
		z.number({ error: () => m.notice_validation_minutes() }).int({ error: () => m.notice_validation_minutes() }).min(0, { error: () => m.notice_validation_minutes() }).max(10080, { error: () => m.notice_validation_minutes() })
	).meta({ description: 'Minutes after the sign-off during which appeals may be filed (default 120, at most 10080: 7 days).', example: 120 })
});
export const appealWindowSchema = appealWindowBodySchema.extend({ roundId: uuidField() });

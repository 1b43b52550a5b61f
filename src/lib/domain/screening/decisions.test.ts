import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyDecision, composeReason, isScreeningOpen, type DecisionInput } from './decisions';

const base: DecisionInput = { status: 'submitted', decision: 'approve', reason: '', reviewerId: 'r1', approvers: [], twoPerson: false };

describe('screening decisions', () => {
	it('approves at once with one reviewer, and needs two different reviewers under the two-person rule', () => {
		expect(applyDecision(base)).toEqual({ ok: true, result: 'approved', reconsidered: false, approvals: 1 });
		expect(applyDecision({ ...base, twoPerson: true })).toMatchObject({ ok: true, result: 'approval_recorded', approvals: 1 });
		expect(applyDecision({ ...base, twoPerson: true, approvers: ['r1'] })).toEqual({ ok: false, problem: 'same_reviewer' });
		expect(applyDecision({ ...base, twoPerson: true, approvers: ['r2'] })).toMatchObject({ ok: true, result: 'approved', approvals: 2 });
	});

	it('rejects with one reviewer, always with a reason', () => {
		expect(applyDecision({ ...base, decision: 'reject', twoPerson: true })).toEqual({ ok: false, problem: 'reason_required' });
		expect(applyDecision({ ...base, decision: 'reject', reason: '材料不全', twoPerson: true, approvers: ['r2'] })).toMatchObject({ ok: true, result: 'rejected' });
	});

	it('reconsiders a decided entry only with a reason, and refuses the same outcome twice', () => {
		expect(applyDecision({ ...base, status: 'approved', decision: 'reject' })).toEqual({ ok: false, problem: 'reason_required' });
		expect(applyDecision({ ...base, status: 'approved', decision: 'reject', reason: '复核发现工龄不足' })).toMatchObject({ ok: true, result: 'rejected', reconsidered: true });
		expect(applyDecision({ ...base, status: 'rejected', decision: 'approve', reason: '补交了材料' })).toMatchObject({ ok: true, result: 'approved', reconsidered: true });
		expect(applyDecision({ ...base, status: 'rejected', decision: 'approve' })).toEqual({ ok: false, problem: 'reason_required' });
		expect(applyDecision({ ...base, status: 'approved' })).toEqual({ ok: false, problem: 'already_decided' });
	});

	it('leaves withdrawn entries alone and does not approve waiting ones', () => {
		expect(applyDecision({ ...base, status: 'withdrawn', decision: 'reject', reason: 'x' })).toEqual({ ok: false, problem: 'not_screenable' });
		expect(applyDecision({ ...base, status: 'waitlisted' })).toEqual({ ok: false, problem: 'not_screenable' });
		expect(applyDecision({ ...base, status: 'waitlisted', decision: 'reject', reason: '名额已满' })).toMatchObject({ ok: true, result: 'rejected' });
	});

	it('never approves with fewer distinct reviewers than the rule asks', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }), fc.constantFrom('a', 'b', 'c'), fc.boolean(), (approvers, reviewerId, twoPerson) => {
				const outcome = applyDecision({ ...base, approvers: [...new Set(approvers)], reviewerId, twoPerson });
				if (outcome.ok && outcome.result === 'approved') expect(new Set([...approvers, reviewerId]).size).toBeGreaterThanOrEqual(twoPerson ? 2 : 1);
			})
		);
	});

	it('is open during registration and screening only, and joins a preset reason with free text', () => {
		expect(['draft', 'registration', 'screening', 'judging'].map(isScreeningOpen)).toEqual([false, true, true, false]);
		expect(composeReason('材料不全', ' 缺少申报表 ')).toBe('材料不全；缺少申报表');
		expect(composeReason('', '工龄不足')).toBe('工龄不足');
	});
});

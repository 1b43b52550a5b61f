import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitsEvent, isWinner, mayWithdraw, quotaLeft, quotaMayBecome, recommendProblem, type RecommendCheck } from './rules';

const individual = { participation: 'individual' as const, teamMinMembers: 2, teamMaxMembers: 5 };
const team = { participation: 'team' as const, teamMinMembers: 2, teamMaxMembers: 3 };

const base: RecommendCheck = {
	parentCompetitionStatus: 'registration',
	quota: { quota: 3, used: 1 },
	alreadyRecommended: false,
	event: individual,
	entry: { teamName: null, memberCount: 1 },
	tierLabel: '工匠',
	specialAward: null
};

describe('quotaLeft', () => {
	it('counts the places left and never goes below zero', () => {
		expect(quotaLeft({ quota: 3, used: 1 })).toBe(2);
		expect(quotaLeft({ quota: 2, used: 2 })).toBe(0);
		expect(quotaLeft({ quota: 2, used: 5 })).toBe(0);
	});

	it('used plus left is the quota whenever used fits in it', () => {
		fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (quota, used) => {
			fc.pre(used <= quota);
			expect(quotaLeft({ quota, used }) + used).toBe(quota);
		}));
	});
});

describe('quotaMayBecome', () => {
	it('refuses a quota below what is used, or not a positive whole number', () => {
		expect(quotaMayBecome(3, 2)).toBe(true);
		expect(quotaMayBecome(2, 2)).toBe(true);
		expect(quotaMayBecome(1, 2)).toBe(false);
		expect(quotaMayBecome(0, 0)).toBe(false);
		expect(quotaMayBecome(1.5, 0)).toBe(false);
	});
});

describe('what may be recommended', () => {
	it('only winners: a tier or a special award', () => {
		expect(isWinner({ tierLabel: '一等奖', specialAward: null })).toBe(true);
		expect(isWinner({ tierLabel: null, specialAward: '工匠特别奖' })).toBe(true);
		expect(isWinner({ tierLabel: null, specialAward: null })).toBe(false);
		expect(recommendProblem({ ...base, tierLabel: null })).toBe('not_a_winner');
	});

	it('fits the parent event: one person for an individual event, a named team of its size for a team event', () => {
		expect(fitsEvent(individual, { teamName: null, memberCount: 1 })).toBe(true);
		expect(fitsEvent(individual, { teamName: '一队', memberCount: 3 })).toBe(false);
		expect(fitsEvent(team, { teamName: '一队', memberCount: 3 })).toBe(true);
		expect(fitsEvent(team, { teamName: '一队', memberCount: 4 })).toBe(false);
		expect(fitsEvent(team, { teamName: null, memberCount: 1 })).toBe(false);
		expect(recommendProblem({ ...base, event: team })).toBe('event_mismatch');
	});

	it('refuses a full quota, a second recommendation of the same entry, and a parent past screening', () => {
		expect(recommendProblem(base)).toBeNull();
		expect(recommendProblem({ ...base, quota: { quota: 1, used: 1 } })).toBe('quota_full');
		expect(recommendProblem({ ...base, alreadyRecommended: true })).toBe('already_recommended');
		expect(recommendProblem({ ...base, parentCompetitionStatus: 'screening' })).toBeNull();
		expect(recommendProblem({ ...base, parentCompetitionStatus: 'judging' })).toBe('not_open');
		expect(recommendProblem({ ...base, parentCompetitionStatus: 'draft' })).toBe('not_open');
	});
});

describe('mayWithdraw', () => {
	it('only a standing recommendation whose entry the parent has not screened', () => {
		expect(mayWithdraw({ status: 'active' }, { status: 'submitted', decisions: 0 })).toBe(true);
		expect(mayWithdraw({ status: 'active' }, { status: 'submitted', decisions: 1 })).toBe(false);
		expect(mayWithdraw({ status: 'active' }, { status: 'approved', decisions: 1 })).toBe(false);
		expect(mayWithdraw({ status: 'withdrawn' }, { status: 'withdrawn', decisions: 0 })).toBe(false);
	});
});

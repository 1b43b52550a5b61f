/**
 * How much proof of work a vote asks for. An ordinary voter pays the policy's base cost (the ALTCHA
 * counter range: the browser tries up to that many hashes). An address prefix or voter key that has
 * voted unusually often in the last hour pays more — doubling per step beyond a free allowance — up to
 * a cap, so a shared office network is slowed, never shut out.
 */
export interface CostPolicy {
	baseCost: number;
	/** Votes in the last hour from one address prefix before the cost starts to rise (an office's worth). */
	prefixAllowance: number;
	/** Votes in the last hour from one voter key before the cost starts to rise. */
	voterAllowance: number;
	/** Each further `step` votes doubles the cost. */
	step: number;
	/** The cost never exceeds baseCost × maxFactor. */
	maxFactor: number;
}

export const DEFAULT_COST_POLICY: Omit<CostPolicy, 'baseCost'> = { prefixAllowance: 30, voterAllowance: 5, step: 10, maxFactor: 32 };

export interface RecentVotes {
	fromPrefix: number;
	fromVoter: number;
}

export function proofCost(policy: CostPolicy, recent: RecentVotes): number {
	const excess = (count: number, allowance: number) => Math.max(0, count - allowance);
	const doublings = Math.max(excess(recent.fromPrefix, policy.prefixAllowance), excess(recent.fromVoter, policy.voterAllowance)) / policy.step;
	const factor = Math.min(policy.maxFactor, 2 ** doublings);
	return Math.round(policy.baseCost * Math.max(1, factor));
}

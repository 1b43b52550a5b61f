import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { burstLimit, detectSuspiciousVotes, describeFlagging, findBurstMinutes, isInhumanlyRegular, median, robustSpread, shouldFlag, summariseFlagging, VOTE_REVIEW_THRESHOLDS, type ClusterHour, type FlagReason, type MinuteCount } from './index';

const T0 = Date.UTC(2026, 4, 1, 6, 0); // 14:00 in Shanghai
const minute = (index: number) => T0 + index * 60_000;
const row = (index: number, votes: number, freshVotes = 0, entryId = 'a'): MinuteCount => ({ entryId, minute: minute(index), votes, freshVotes });

describe('the baseline', () => {
	it('takes the median and a robust spread', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([1, 2, 3, 4])).toBe(2.5);
		expect(median([])).toBe(0);
		expect(robustSpread([5, 5, 5])).toBe(0);
		expect(robustSpread([1, 2, 3, 4, 100])).toBeCloseTo(1.4826);
	});

	it('never calls a quiet candidate first ten votes in a minute a burst', () => {
		expect(burstLimit([])).toBe(VOTE_REVIEW_THRESHOLDS.burstFloorPerMinute);
		expect(findBurstMinutes([row(0, 10)])).toEqual([]);
		expect(findBurstMinutes([row(0, 11)])).toHaveLength(1);
	});

	it('judges each candidate against its own earlier minutes', () => {
		const busy = Array.from({ length: 30 }, (_, index) => row(index, 40 + (index % 3), 0, 'busy'));
		const quiet = Array.from({ length: 30 }, (_, index) => row(index, 1, 0, 'quiet'));
		const bursts = findBurstMinutes([...busy, row(30, 45, 0, 'busy'), ...quiet, row(30, 25, 0, 'quiet')]);
		expect(bursts.filter((burst) => burst.minute === minute(30)).map((burst) => burst.entryId)).toEqual(['quiet']);
	});

	it('calls a burst a burst until it fills half its own baseline, and a popular start ordinary soon', () => {
		const series = [...Array.from({ length: 20 }, (_, index) => row(index, 1)), ...Array.from({ length: 180 }, (_, index) => row(20 + index, 14))];
		expect(findBurstMinutes(series).map((burst) => (burst.minute - T0) / 60_000)).toEqual(Array.from({ length: 20 }, (_, index) => 20 + index));
		const popular = Array.from({ length: 30 }, (_, index) => row(index, 40 + (index % 3)));
		expect(findBurstMinutes(popular).map((burst) => (burst.minute - T0) / 60_000)).toEqual([0]);
	});

	it('property: a minute at or below the floor is never a burst, and the limit never falls below the floor', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 80 }), fc.integer({ min: 0, max: VOTE_REVIEW_THRESHOLDS.burstFloorPerMinute }), (earlier, last) => {
				expect(burstLimit(earlier)).toBeGreaterThanOrEqual(VOTE_REVIEW_THRESHOLDS.burstFloorPerMinute);
				const series = [...earlier.map((votes, index) => row(index, votes)), row(earlier.length, last)];
				expect(findBurstMinutes(series).some((burst) => burst.minute === minute(earlier.length))).toBe(false);
			})
		);
	});

	it('property: the order the minutes arrive in does not change the bursts', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 60 }), fc.integer(), (counts, seed) => {
				const series = counts.map((votes, index) => row(index, votes));
				const shuffled = [...series].sort((a, b) => ((a.minute * 7919 + seed) % 101) - ((b.minute * 7919 + seed) % 101));
				expect(findBurstMinutes(shuffled).map((burst) => burst.minute).sort()).toEqual(findBurstMinutes(series).map((burst) => burst.minute).sort());
			})
		);
	});
});

describe('regular timing', () => {
	it('calls near-constant gaps inhuman and human scatter human', () => {
		expect(isInhumanlyRegular({ votes: 800, meanGapSeconds: 4.3, gapStddevSeconds: 0.2 })).toBe(true);
		expect(isInhumanlyRegular({ votes: 800, meanGapSeconds: 4.3, gapStddevSeconds: 4 })).toBe(false);
		expect(isInhumanlyRegular({ votes: 10, meanGapSeconds: 4.3, gapStddevSeconds: 0 })).toBe(false);
		expect(isInhumanlyRegular({ votes: 100, meanGapSeconds: null, gapStddevSeconds: null })).toBe(false);
	});
});

describe('the rules', () => {
	const cluster = (over: Partial<ClusterHour>): ClusterHour => ({ entryId: 'a', kind: 'address', hash: 'p1', hour: T0, votes: 5, meanGapSeconds: 30, gapStddevSeconds: 40, ...over });

	it('points at one prefix cluster and at a timer, not at an ordinary prefix', () => {
		const { selectors } = detectSuspiciousVotes({
			minutes: [],
			clusters: [cluster({ votes: 800, hash: 'bot' }), cluster({ votes: 25, hash: 'office', meanGapSeconds: 60, gapStddevSeconds: 1 }), cluster({ votes: 4, hash: 'home' })]
		});
		expect(selectors.map((selector) => [selector.reason, 'hash' in selector.match ? selector.match.hash : null])).toEqual([
			['address_cluster', 'bot'],
			['regular_timing', 'office']
		]);
	});

	it('counts one user agent only when it is most of the hour', () => {
		const minutes = Array.from({ length: 60 }, (_, index) => row(index, 4));
		const common = detectSuspiciousVotes({ minutes, clusters: [cluster({ kind: 'agent', votes: 100 })] });
		expect(common.selectors.filter((selector) => selector.reason === 'user_agent_cluster')).toEqual([]);
		const dominant = detectSuspiciousVotes({ minutes, clusters: [cluster({ kind: 'agent', votes: 200 })] });
		expect(dominant.selectors.filter((selector) => selector.reason === 'user_agent_cluster')).toHaveLength(1);
	});

	it('points at fresh voters only in a burst minute where they are most of it', () => {
		const { selectors } = detectSuspiciousVotes({ minutes: [row(0, 1), row(1, 1), row(2, 1), row(3, 30, 29), row(4, 30, 5)], clusters: [] });
		expect(selectors.map((selector) => `${selector.reason}@${(selector.from - T0) / 60_000}`)).toEqual(['burst@3', 'burst@4', 'fresh_voters@3']);
	});

	it('holds a vote for one prefix or a timer, never for a burst of first-time voters alone', () => {
		expect(shouldFlag(['address_cluster'])).toBe(true);
		expect(shouldFlag(['regular_timing'])).toBe(true);
		expect(shouldFlag(['burst', 'fresh_voters'])).toBe(false);
		expect(shouldFlag(['user_agent_cluster'])).toBe(false);
		expect(shouldFlag(['user_agent_cluster', 'burst'])).toBe(true);
	});

	it('property: adding a reason never un-flags a vote', () => {
		const reason = fc.constantFrom<FlagReason>('burst', 'address_cluster', 'user_agent_cluster', 'fresh_voters', 'regular_timing');
		fc.assert(fc.property(fc.array(reason), reason, (reasons, extra) => !shouldFlag(reasons) || shouldFlag([...reasons, extra])));
	});
});

describe('the audit words', () => {
	it('says how many, for whom, from where, why and when', () => {
		const votes = Array.from({ length: 2130 }, (_, index) => ({ entryId: 'a', castAt: T0 + 2 * 60_000 + index * 80, flags: ['address_cluster', 'burst'], addressPrefixHash: 'p', userAgentHash: `ua${index % 2}` }));
		const [summary] = summariseFlagging(votes);
		expect(summary).toMatchObject({ votes: 2130, addressPrefixes: 1, userAgents: 2 });
		expect(describeFlagging(summary!, 'No. 17')).toBe('burst detection flagged 2,130 votes for No. 17 from one address prefix: one address prefix, a burst above its baseline; 2026-05-01 14:02–14:04');
	});
});

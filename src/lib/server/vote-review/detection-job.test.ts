import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVAL_SECONDS, detectionInterval } from './detection-job';
import { bucketFor } from './review-board';

describe('the vote review job', () => {
	it('runs every five minutes unless told otherwise, and 0 turns it off', () => {
		expect(detectionInterval({})).toBe(DEFAULT_INTERVAL_SECONDS);
		expect(detectionInterval({ JIANGXIN_VOTE_REVIEW_INTERVAL_S: '60' })).toBe(60);
		expect(detectionInterval({ JIANGXIN_VOTE_REVIEW_INTERVAL_S: '0' })).toBe(0);
		expect(detectionInterval({ JIANGXIN_VOTE_REVIEW_INTERVAL_S: 'soon' })).toBe(DEFAULT_INTERVAL_SECONDS);
		expect(detectionInterval({ JIANGXIN_VOTE_REVIEW_INTERVAL_S: '-5' })).toBe(DEFAULT_INTERVAL_SECONDS);
	});

	it('draws three hours in minutes and a week in hours (at most 720 points)', () => {
		const start = new Date('2026-05-01T00:00:00Z');
		expect(bucketFor(null, null)).toBe(60);
		expect(bucketFor(start, new Date(start.getTime() + 3 * 3600_000))).toBe(60);
		expect(bucketFor(start, new Date(start.getTime() + 7 * 86_400_000))).toBe(1800);
	});
});

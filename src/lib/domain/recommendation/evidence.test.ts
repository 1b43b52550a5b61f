import { describe, expect, it } from 'vitest';
import { evidenceAward } from './evidence';

describe('a recommended placing’s award in one line', () => {
	it('names the tier and the special award, whichever there are', () => {
		expect(evidenceAward({ tierLabel: '工匠', specialAward: '工匠特别奖' }, '、')).toBe('工匠、工匠特别奖');
		expect(evidenceAward({ tierLabel: null, specialAward: '工匠特别奖' }, '、')).toBe('工匠特别奖');
		expect(evidenceAward({ tierLabel: '提名奖', specialAward: null }, ' · ')).toBe('提名奖');
		expect(evidenceAward({ tierLabel: null, specialAward: null }, '、')).toBe('');
	});
});

import { describe, expect, it } from 'vitest';
import { parseStationLabels } from './station-labels';

describe('station labels', () => {
	it('expands ranges keeping the width of the numbers', () => {
		expect(parseStationLabels('A01-A03')).toEqual({ ok: true, labels: ['A01', 'A02', 'A03'] });
		expect(parseStationLabels('B8-10, 工位甲')).toEqual({ ok: true, labels: ['B8', 'B9', 'B10', '工位甲'] });
	});

	it('takes a plain list and nothing', () => {
		expect(parseStationLabels('1号 2号\n3号')).toEqual({ ok: true, labels: ['1号', '2号', '3号'] });
		expect(parseStationLabels('  ')).toEqual({ ok: true, labels: [] });
	});

	it('refuses duplicates, long labels and huge ranges', () => {
		expect(parseStationLabels('A1 A1')).toMatchObject({ ok: false, problem: 'duplicate', label: 'A1' });
		expect(parseStationLabels('x'.repeat(21))).toMatchObject({ ok: false, problem: 'too_long' });
		expect(parseStationLabels('A1-A5000')).toMatchObject({ ok: false, problem: 'too_many' });
		expect(parseStationLabels('A9-A1')).toMatchObject({ ok: false, problem: 'too_many' });
	});
});

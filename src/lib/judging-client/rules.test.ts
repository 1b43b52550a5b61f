import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SheetOperation } from '$lib/realtime/events';
import { coalesce, entryStatus } from './rules';
import { runningJudgeScore } from './running-score';
import { readTypedScore, stepScore, tapDeduction } from './sheet-input';
import type { LocalSheet, OutboxRecord } from './store';

const record = (seq: number, key: string, kind: 'save' | 'submit'): OutboxRecord => ({ seq, key, operation: { operationId: `op-${seq}`, kind } as SheetOperation });

describe('coalescing', () => {
	it('keeps order, the last operation of each sheet and every submit', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom<'save' | 'submit'>('save', 'submit')), { maxLength: 40 }), (steps) => {
				const outbox = steps.map(([key, kind], index) => record(index + 1, key, kind));
				const { send, drop } = coalesce(outbox);
				expect([...send, ...drop].length).toBe(outbox.length);
				expect(send.map((item) => item.seq)).toEqual([...send.map((item) => item.seq!)].sort((x, y) => x - y));
				for (const submit of outbox.filter((item) => item.operation.kind === 'submit')) expect(send).toContain(submit);
				for (const key of new Set(outbox.map((item) => item.key))) expect(send).toContain(outbox.findLast((item) => item.key === key));
				for (const dropped of drop) expect(dropped.operation.kind).toBe('save');
			})
		);
	});
});

const sheet = (change: Partial<LocalSheet>): LocalSheet => ({
	key: 'k',
	roundId: 'r',
	entryId: 'e',
	componentKey: 'c',
	scores: {},
	deductions: {},
	note: '',
	baseVersion: 1,
	serverStatus: 'draft',
	statusReason: '',
	dirty: false,
	notice: null,
	updatedAt: '',
	...change
});
const status = (sheets: (LocalSheet | undefined)[], pendingKinds: ('save' | 'submit')[][] = [], extra: { stoodAside?: boolean; roundLocked?: boolean } = {}) =>
	entryStatus({ stoodAside: false, roundLocked: false, componentKeys: sheets.map((_, index) => `c${index}`), sheets, pendingKinds, ...extra });

describe('an entry’s state in the queue', () => {
	it('names each state a judge must tell apart', () => {
		expect(status([undefined])).toBe('not_started');
		expect(status([sheet({ dirty: true, serverStatus: null, baseVersion: null })], [['save']])).toBe('draft');
		expect(status([sheet({ dirty: true })], [['save', 'submit']])).toBe('sent');
		expect(status([sheet({ serverStatus: 'submitted' })])).toBe('received');
		expect(status([sheet({ serverStatus: 'returned', statusReason: '偏高' })])).toBe('returned');
		expect(status([sheet({ serverStatus: 'returned', dirty: true })], [['save']])).toBe('returned');
		expect(status([sheet({ serverStatus: 'returned', dirty: true })], [['submit']])).toBe('sent');
		expect(status([sheet({ serverStatus: 'locked' })])).toBe('locked');
		expect(status([undefined], [], { roundLocked: true })).toBe('locked');
		expect(status([undefined], [], { stoodAside: true })).toBe('stood_aside');
		expect(status([sheet({ serverStatus: 'submitted' }), undefined])).toBe('draft');
	});
});

describe('the sheet’s inputs', () => {
	it('steps by 0.1 up to a max of 10 points and by 1 point above, within 0..max', () => {
		expect(stepScore(null, 1000, 1)).toBe(10);
		expect(stepScore(995, 1000, 1)).toBe(1000);
		expect(stepScore(null, 3000, 1)).toBe(100);
		expect(stepScore(50, 3000, -1)).toBe(0);
	});
	it('reads typed scores to the hundredth and refuses the rest', () => {
		expect(readTypedScore('12.5', 3000)).toEqual({ ok: true, value: 1250 });
		expect(readTypedScore('7,25', 3000)).toEqual({ ok: true, value: 725 });
		expect(readTypedScore('.5', 3000)).toEqual({ ok: true, value: 50 });
		expect(readTypedScore('', 3000)).toEqual({ ok: true, value: null });
		expect(readTypedScore('1.005', 3000)).toEqual({ ok: false, reason: 'format' });
		expect(readTypedScore('31', 3000)).toEqual({ ok: false, reason: 'range' });
		expect(readTypedScore('-1', 3000)).toEqual({ ok: false, reason: 'range' });
	});
	it('counts deductions one tap at a time and undoes to 0, never below', () => {
		expect(tapDeduction(tapDeduction({}, 'knot', 1), 'knot', 1)).toEqual({ knot: 2 });
		expect(tapDeduction({ knot: 0 }, 'knot', -1)).toEqual({ knot: 0 });
	});
	it('shows the running R_j by the engine: weights default to the max', () => {
		const component = { key: 'p', criteria: [{ key: 'a', max: 6000 }, { key: 'b', max: 4000 }], deductions: [] };
		expect(runningJudgeScore(component, { a: 6000, b: 2000 })).toEqual({ value: '80.00', complete: true });
		expect(runningJudgeScore(component, { a: 3000, b: null })).toEqual({ value: '30.00', complete: false });
		const weighted = { key: 'p', criteria: [{ key: 'a', max: 300, weight: 100 }, { key: 'b', max: 300, weight: 200 }], deductions: [] };
		expect(runningJudgeScore(weighted, { a: 100, b: 200 })).toEqual({ value: '55.56', complete: true });
	});
});

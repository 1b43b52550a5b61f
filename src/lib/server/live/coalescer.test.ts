import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createCoalescer } from './coalescer';

const WINDOW = 250;

/** A run that takes `duration` ms of fake time and records when it started. */
function recorder(duration = 0) {
	const starts: { key: string; at: number }[] = [];
	const run = (key: string) => {
		starts.push({ key, at: Date.now() });
		return new Promise<void>((resolve) => setTimeout(resolve, duration));
	};
	return { starts, run };
}

beforeEach(() => {
	vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
	vi.useRealTimers();
});

describe('the board coalescer', () => {
	it('runs a lone change at once', async () => {
		const { starts, run } = recorder();
		createCoalescer(WINDOW, run).request('a');
		await vi.advanceTimersByTimeAsync(0);
		expect(starts).toEqual([{ key: 'a', at: 0 }]);
		await vi.advanceTimersByTimeAsync(1000);
		expect(starts).toHaveLength(1);
	});

	it('folds a burst into the leading run and one trailing run at the window’s end', async () => {
		const { starts, run } = recorder();
		const coalescer = createCoalescer(WINDOW, run);
		for (let at = 0; at < 200; at += 10) {
			coalescer.request('a');
			await vi.advanceTimersByTimeAsync(10);
		}
		await vi.advanceTimersByTimeAsync(1000);
		expect(starts.map((start) => start.at)).toEqual([0, 250]);
	});

	it('sends at most one run per window under constant changes, and the last change is always covered', async () => {
		const { starts, run } = recorder(30);
		const coalescer = createCoalescer(WINDOW, run);
		for (let at = 0; at <= 1000; at += 7) {
			coalescer.request('a');
			await vi.advanceTimersByTimeAsync(7);
		}
		await vi.advanceTimersByTimeAsync(1000);
		const times = starts.map((start) => start.at);
		for (let index = 1; index < times.length; index++) expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(WINDOW);
		expect(times.length).toBeLessThanOrEqual(6);
		expect(times.at(-1)).toBeGreaterThanOrEqual(1000);
	});

	it('runs again after an in-flight run when a change arrived during it', async () => {
		const { starts, run } = recorder(400);
		const coalescer = createCoalescer(WINDOW, run);
		coalescer.request('a');
		await vi.advanceTimersByTimeAsync(300);
		coalescer.request('a');
		await vi.advanceTimersByTimeAsync(2000);
		// The second run waits for the first to end (at 400), never overlapping it.
		expect(starts.map((start) => start.at)).toEqual([0, 400]);
	});

	it('keeps rooms apart: one busy room does not delay another', async () => {
		const { starts, run } = recorder();
		const coalescer = createCoalescer(WINDOW, run);
		coalescer.request('a');
		coalescer.request('a');
		coalescer.request('b');
		await vi.advanceTimersByTimeAsync(1000);
		expect(starts).toEqual([
			{ key: 'a', at: 0 },
			{ key: 'b', at: 0 },
			{ key: 'a', at: 250 }
		]);
	});

	it('survives a failing run and reports it', async () => {
		const errors: unknown[] = [];
		let calls = 0;
		const coalescer = createCoalescer(WINDOW, async () => {
			calls++;
			throw new Error('database away');
		}, { onError: (error) => errors.push(error) });
		coalescer.request('a');
		await vi.advanceTimersByTimeAsync(300);
		coalescer.request('a');
		await vi.advanceTimersByTimeAsync(300);
		expect(calls).toBe(2);
		expect(errors).toHaveLength(2);
	});

	it('stop cancels the trailing run', async () => {
		const { starts, run } = recorder();
		const coalescer = createCoalescer(WINDOW, run);
		coalescer.request('a');
		coalescer.request('a');
		coalescer.stop();
		await vi.advanceTimersByTimeAsync(1000);
		expect(starts).toHaveLength(1);
	});

	it('for any pattern of changes: runs are a window apart, never overlap, and every change is followed by a run', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom('a', 'b')), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 600 }), async (gaps, duration) => {
				vi.setSystemTime(0);
				const intervals: { key: string; start: number; end: number }[] = [];
				const coalescer = createCoalescer(WINDOW, async (key: string) => {
					const start = Date.now();
					await new Promise((resolve) => setTimeout(resolve, duration));
					intervals.push({ key, start, end: Date.now() });
				});
				const requests: { key: string; at: number }[] = [];
				for (const [gap, key] of gaps) {
					await vi.advanceTimersByTimeAsync(gap);
					requests.push({ key, at: Date.now() });
					coalescer.request(key);
				}
				await vi.advanceTimersByTimeAsync(5 * (WINDOW + duration) + 1000);
				coalescer.stop();
				for (const key of ['a', 'b']) {
					const runs = intervals.filter((interval) => interval.key === key);
					for (let index = 1; index < runs.length; index++) {
						expect(runs[index]!.start - runs[index - 1]!.start).toBeGreaterThanOrEqual(WINDOW);
						expect(runs[index]!.start).toBeGreaterThanOrEqual(runs[index - 1]!.end);
					}
					const last = requests.filter((request) => request.key === key).at(-1);
					// The last change of a room is read by a run that started at or after it.
					if (last) expect(runs.some((run) => run.start >= last.at)).toBe(true);
				}
			}),
			{ numRuns: 60 }
		);
	});
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineReadinessTracker, registerJudgeWorker, type OfflineReadiness } from './register';

// What the judge is told about reopening the page offline, from what the browser offers. The page and
// worker themselves are exercised in a real browser by tests/e2e/tablet.e2e.ts.

interface FakeWorkers {
	controller: object | null;
	register: (url: string) => Promise<unknown>;
	ready: Promise<unknown>;
	addEventListener: (type: string, listener: () => void) => void;
}

function browserWith(workers: FakeWorkers | undefined, answer: (path: string) => Promise<Partial<Response>>) {
	vi.stubGlobal('navigator', workers ? { serviceWorker: workers } : {});
	vi.stubGlobal('location', { pathname: '/judge/rounds/00000000-0000-4000-8000-000000000001' });
	const asked: string[] = [];
	vi.stubGlobal('fetch', (path: string) => (asked.push(path), answer(path)));
	return asked;
}

const controlled = (): FakeWorkers => ({ controller: {}, register: async () => ({}), ready: Promise.resolve({}), addEventListener: () => {} });
const ours = async () => ({ ok: true, redirected: false });

afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

describe('registerJudgeWorker', () => {
	it('is ready once this page and the others were fetched through the worker', async () => {
		const asked = browserWith(controlled(), ours);
		await expect(registerJudgeWorker(['/judge'])).resolves.toBe('ready');
		expect(asked).toEqual(['/judge/rounds/00000000-0000-4000-8000-000000000001', '/judge']);
	});

	it('waits for the worker to take control of a page that loaded before it', async () => {
		let takeControl = () => {};
		const workers: FakeWorkers = { ...controlled(), controller: null, addEventListener: (type, listener) => type === 'controllerchange' && (takeControl = listener) };
		const asked = browserWith(workers, ours);
		const readiness = registerJudgeWorker();
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(asked).toEqual([]);
		takeControl();
		await expect(readiness).resolves.toBe('ready');
	});

	it('is unavailable without service workers (plain http on a LAN address)', async () => {
		browserWith(undefined, ours);
		await expect(registerJudgeWorker()).resolves.toBe('unavailable');
	});

	it('is unavailable when this page came back as the sign-in page or not at all, whatever the other pages did', async () => {
		browserWith(controlled(), async (path) => (path === '/judge' ? { ok: true, redirected: false } : { ok: true, redirected: true }));
		await expect(registerJudgeWorker(['/judge'])).resolves.toBe('unavailable');
		browserWith(controlled(), (path) => (path === '/judge' ? ours() : Promise.reject(new TypeError('Failed to fetch'))));
		await expect(registerJudgeWorker(['/judge'])).resolves.toBe('unavailable');
		browserWith(controlled(), async (path) => (path === '/judge' ? { ok: true, redirected: false } : { ok: false, redirected: false }));
		await expect(registerJudgeWorker(['/judge'])).resolves.toBe('unavailable');
	});

	it('is ready when another judge page could not be kept, this one being kept', async () => {
		browserWith(controlled(), async (path) => (path === '/judge' ? { ok: false, redirected: false } : { ok: true, redirected: false }));
		await expect(registerJudgeWorker(['/judge'])).resolves.toBe('ready');
	});

	it('is unavailable when the worker cannot be registered', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		browserWith({ ...controlled(), register: () => Promise.reject(new Error('SecurityError')) }, ours);
		await expect(registerJudgeWorker()).resolves.toBe('unavailable');
	});
});

describe('OfflineReadinessTracker', () => {
	const tracked = (otherPages: string[] = []) => {
		const shown: OfflineReadiness[] = [];
		return { shown, tracker: new OfflineReadinessTracker(() => otherPages, (readiness) => shown.push(readiness)) };
	};

	it('warms up again after a reconnect when the Wi-Fi broke the first warm-up, and the judge sees it become ready', async () => {
		let network = false;
		const asked = browserWith(controlled(), () => (network ? ours() : Promise.reject(new TypeError('Failed to fetch'))));
		const { shown, tracker } = tracked(['/judge']);
		await tracker.prepare();
		expect(shown).toEqual(['preparing', 'unavailable']);
		network = true;
		await tracker.retry();
		expect(shown).toEqual(['preparing', 'unavailable', 'preparing', 'ready']);
		expect(asked).toHaveLength(4);
		// Ready: a later reconnect asks for nothing.
		await tracker.retry();
		expect(asked).toHaveLength(4);
		expect(shown.at(-1)).toBe('ready');
	});

	it('does not ask again in a browser without service workers (its answer cannot change)', async () => {
		const asked = browserWith(undefined, ours);
		const { shown, tracker } = tracked();
		await tracker.prepare();
		await tracker.retry();
		expect(shown).toEqual(['preparing', 'unavailable']);
		expect(asked).toEqual([]);
	});

	it('runs one warm-up at a time: a reconnect during the first warm-up waits for it', async () => {
		let answer = (_: Partial<Response>) => {};
		const asked = browserWith(controlled(), () => new Promise((resolve) => (answer = resolve)));
		const { shown, tracker } = tracked();
		const first = tracker.prepare();
		await new Promise((resolve) => setTimeout(resolve, 10));
		const reconnect = tracker.retry();
		expect(tracker.prepare()).toBe(first);
		answer({ ok: true, redirected: false });
		await Promise.all([first, reconnect]);
		expect(asked).toHaveLength(1);
		expect(shown).toEqual(['preparing', 'ready']);
	});
});

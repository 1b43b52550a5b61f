import { dev } from '$app/environment';

/**
 * Whether this page can be reopened with no network: `preparing` until the offline worker controls the
 * page and holds a copy of it, then `ready`; `unavailable` where the browser has
 * no service workers (e.g. a venue server reached over plain http on a LAN address) or a copy could not
 * be taken. The judge sees it before the Wi-Fi drops, not after.
 */
export type OfflineReadiness = 'preparing' | 'ready' | 'unavailable';

/**
 * Registers the offline worker (src/service-worker.ts) from a judge page (the rest of the site never
 * does), then asks for this page and the other given judge pages through it, so it keeps a copy of each
 * for a reload with no network (this page loaded before the worker controlled it). The worker stores a
 * page before answering, so this page's answer being ours means its copy is kept.
 */
export async function registerJudgeWorker(otherPages: string[] = []): Promise<OfflineReadiness> {
	if (!('serviceWorker' in navigator)) return 'unavailable';
	try {
		await navigator.serviceWorker.register('/service-worker.js', { type: dev ? 'module' : 'classic' });
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		const [thisPage] = await Promise.all([location.pathname, ...otherPages].map((path) => fetch(path, { headers: { accept: 'text/html' }, credentials: 'same-origin' }).then((response) => response.ok && !response.redirected, () => false)));
		return thisPage ? 'ready' : 'unavailable';
	} catch (error) {
		// Without it the pages still work online; drafts are kept in IndexedDB either way.
		console.warn('service worker not registered', error);
		return 'unavailable';
	}
}

/**
 * The readiness a judge page shows, warmed up again when the socket reconnects after a warm-up that
 * failed: on a venue's flaky Wi-Fi the first fetch through the worker can fail, and the judge would
 * otherwise be told 本页不能离线重新打开 until the page is loaded again. A browser without service
 * workers is not asked again (its answer cannot change); one warm-up runs at a time.
 */
export class OfflineReadinessTracker {
	private running: Promise<void> | null = null;
	private last: OfflineReadiness = 'preparing';

	constructor(
		/** The other judge pages to keep, read at each warm-up (the page's data may have been reloaded). */
		private readonly otherPages: () => string[],
		private readonly show: (readiness: OfflineReadiness) => void
	) {}

	/** Warms up (unless a warm-up is running) and shows its outcome. */
	prepare(): Promise<void> {
		this.running ??= this.warmUp().finally(() => (this.running = null));
		return this.running;
	}

	/** After a reconnect: tries again if the last warm-up could not keep this page. */
	retry(): Promise<void> {
		if (this.last !== 'unavailable' || !('serviceWorker' in navigator)) return this.running ?? Promise.resolve();
		return this.prepare();
	}

	private async warmUp(): Promise<void> {
		this.set('preparing');
		this.set(await registerJudgeWorker(this.otherPages()));
	}

	private set(readiness: OfflineReadiness): void {
		this.last = readiness;
		this.show(readiness);
	}
}

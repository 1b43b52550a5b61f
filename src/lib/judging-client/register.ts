import { dev } from '$app/environment';

/**
 * Registers the offline worker (src/service-worker.ts) from a judge page (the rest of the site never
 * does), then asks for the given judge pages through it, so it keeps a copy of each for a reload with no
 * network — the page open now included, which loaded before the worker controlled it.
 */
export async function registerJudgeWorker(warm: string[]): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	try {
		await navigator.serviceWorker.register('/service-worker.js', { type: dev ? 'module' : 'classic' });
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		await Promise.all(warm.map((path) => fetch(path, { headers: { accept: 'text/html' }, credentials: 'same-origin' }).catch(() => undefined)));
	} catch (error) {
		// Without it the pages still work online; drafts are kept in IndexedDB either way.
		console.warn('service worker not registered', error);
	}
}

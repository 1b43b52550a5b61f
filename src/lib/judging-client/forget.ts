import { JUDGE_DB_NAME } from './store';

/** The service worker's cache of judge pages starts with this (src/service-worker.ts). */
export const JUDGE_PAGES_CACHE_PREFIX = 'jiangxin-judge-pages-';

/** Removes everything a judge's session left on this device: the IndexedDB outbox and sheets, and the cached judge pages. */
export async function forgetDevice(): Promise<void> {
	await new Promise<void>((resolve) => {
		const request = indexedDB.deleteDatabase(JUDGE_DB_NAME);
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});
	if ('caches' in globalThis) for (const name of await caches.keys()) if (name.startsWith(JUDGE_PAGES_CACHE_PREFIX)) await caches.delete(name);
}

import { build, files, version } from '$service-worker';

/**
 * The judges' tablets work with the Wi-Fi gone: this worker keeps the app's own files (versioned, cached at
 * install) and the judge pages a tablet has opened (network first, the cached copy when the network fails
 * or hangs), so `/judge` and a round reload with no network. It is registered by the judge pages only
 * (src/lib/judging-client/register.ts), so nobody else downloads the app's files for it. Everything else
 * (data requests, the socket, other pages) goes to the network untouched. The judge's drafts and outbox
 * live in IndexedDB, not here.
 */

interface ExtendableEventLike extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
	request: Request;
	respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
	skipWaiting(): Promise<void>;
	clients: { claim(): Promise<void> };
	location: Location;
}
const worker = self as unknown as WorkerScope;

const SHELL_CACHE = `jiangxin-judge-shell-${version}`;
// Keep in step with JUDGE_PAGES_CACHE_PREFIX (src/lib/judging-client/forget.ts): a revoked device empties it.
const PAGES_CACHE = `jiangxin-judge-pages-${version}`;
const SHELL = new Set([...build, ...files]);
const JUDGE_PAGE = /^\/judge(?:\/rounds\/[0-9a-f-]{36})?\/?$/;
/** On a network that hangs rather than fails, the cached page after this long. */
const NETWORK_PATIENCE_MS = 4000;

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL_CACHE)
			.then((cache) => cache.addAll([...SHELL]))
			.then(() => worker.skipWaiting())
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (name.startsWith('jiangxin-judge-') && name !== SHELL_CACHE && name !== PAGES_CACHE) await caches.delete(name);
			await worker.clients.claim();
		})()
	);
});

/**
 * Only our own answer is kept: a page that came from this server (200, not redirected to the sign-in
 * page, with our Content-Security-Policy), never a captive portal's or a proxy's page.
 */
function isOurPage(response: Response): boolean {
	return response.ok && !response.redirected && response.type === 'basic' && (response.headers.get('content-security-policy') ?? '').includes("frame-ancestors 'none'");
}

async function judgePage(request: Request): Promise<Response> {
	const cache = await caches.open(PAGES_CACHE);
	const network = fetch(request).then(async (response) => {
		if (isOurPage(response)) await cache.put(request.url, response.clone());
		return response;
	});
	const cached = await cache.match(request.url);
	if (!cached) return network.catch(() => offlinePage());
	const patience = new Promise<Response>((resolve) => setTimeout(() => resolve(cached), NETWORK_PATIENCE_MS));
	return Promise.race([network.catch(() => cached), patience]);
}

function offlinePage(): Response {
	const html = '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>离线 · Offline</title><p>没有网络，本页尚未在此设备上打开过。<br>No network, and this page was never opened on this device.</p>';
	return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;
	if (SHELL.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((cached) => cached ?? fetch(request)));
		return;
	}
	const wantsPage = request.mode === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html');
	if (wantsPage && url.search === '' && JUDGE_PAGE.test(url.pathname)) event.respondWith(judgePage(request));
});

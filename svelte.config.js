import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// The CSRF check (Origin must be ORIGIN, which server.js defaults) is ours, in `handle`
		// (src/lib/server/http/hooks.ts): SvelteKit's answers an API client's text/plain or multipart
		// body with a plain-text 403 before any hook runs, and the API must answer 415 in its error shape.
		// '*' is how SvelteKit 2 turns its own check off.
		csrf: { trustedOrigins: ['*'] },
		// The service worker (src/service-worker.ts) is for judges' tablets: the judge pages register it
		// themselves, so the public (thousands on a vote or a live board) never download the app for it.
		serviceWorker: { register: false },
		// Strict by default: scripts only from us, each page's inline start-up script by its nonce.
		// - style-src: our CSS files only; no `<style>` can be injected (CSS exfiltration needs one).
		//   style-src-attr allows `style="…"` attributes (SvelteKit's route announcer has one); an
		//   attribute has no selectors and img-src bounds what it can load. In `vite dev` SvelteKit adds
		//   'unsafe-inline' to style-src itself, for Vite's injected styles.
		// - img-src data: fits a QR code embedded as an SVG data: URL (certificates, vote links).
		// - worker-src blob: fits the ALTCHA proof-of-work widget, which starts its Web Worker from a
		//   blob: URL; everything else about the widget is script from 'self'.
		// - connect-src 'self' covers fetch and same-origin WebSockets (socket.io) in current browsers.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;

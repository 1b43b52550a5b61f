// Headers every answer carries, static files included: server.js (production) and the Vite plugin
// (development) set them before SvelteKit or the static file server answers. The Content-Security-Policy
// of pages is SvelteKit's (`kit.csp` in svelte.config.js), because it needs a fresh nonce per page.

export const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	// Stops other sites framing us in browsers too old for CSP's frame-ancestors.
	'X-Frame-Options': 'DENY'
};

/** @param {import('node:http').ServerResponse} response */
export function setSecurityHeaders(response) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
}

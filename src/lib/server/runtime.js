// The one bridge between the process entry (server.js, or Vite's dev server) and the SvelteKit app.
// The entry owns the HTTP server and socket.io; the app, bundled separately, plugs its handlers in.
// Both sides may hold different copies of this module, so the state lives under a global symbol.
import { Server } from 'socket.io';

const KEY = Symbol.for('jiangxin.runtime');

/**
 * @typedef {object} Runtime
 * @property {import('socket.io').Server | undefined} io
 * @property {((socket: import('socket.io').Socket, next: (err?: Error) => void) => void) | undefined} authenticate
 * @property {((socket: import('socket.io').Socket) => void) | undefined} onConnection
 * @property {Array<() => Promise<void> | void>} shutdownHooks
 */

/** @returns {Runtime} */
export function getRuntime() {
	const holder = /** @type {Record<symbol, Runtime | undefined>} */ (/** @type {unknown} */ (globalThis));
	holder[KEY] ??= { io: undefined, authenticate: undefined, onConnection: undefined, shutdownHooks: [] };
	return holder[KEY];
}

/**
 * A browser always sends Origin with a WebSocket handshake and a cross-origin request, so a foreign
 * Origin is refused as SvelteKit refuses a cross-site form post: against ORIGIN when set (server.js
 * sets it), else (`vite dev`) against the Host the request came to. Without an Origin (same-origin
 * long-polling, or a client that is not a browser) the session cookie still decides what it may join.
 * @param {import('node:http').IncomingMessage} request
 */
export function isAllowedOrigin(request) {
	const origin = request.headers.origin;
	if (!origin) return true;
	const expected = process.env.ORIGIN || `${/** @type {{ encrypted?: boolean }} */ (request.socket).encrypted ? 'https' : 'http'}://${request.headers.host}`;
	try {
		return new URL(origin).origin === new URL(expected).origin;
	} catch {
		return false;
	}
}

/**
 * Creates socket.io on the given HTTP server. Handshakes wait for the app to plug in its handlers.
 * @param {import('node:http').Server} httpServer
 */
export function attachSocketServer(httpServer) {
	const runtime = getRuntime();
	const io = new Server(httpServer, {
		serveClient: false,
		pingInterval: 10_000,
		pingTimeout: 8_000,
		allowRequest: (request, callback) => {
			const allowed = isAllowedOrigin(request);
			callback(allowed ? null : 'origin_not_allowed', allowed);
		}
	});
	io.use((socket, next) => {
		if (runtime.authenticate) runtime.authenticate(socket, next);
		else next(new Error('server_starting'));
	});
	io.on('connection', (socket) => runtime.onConnection?.(socket));
	runtime.io = io;
	return io;
}

/** @param {() => Promise<void> | void} hook */
export function onShutdown(hook) {
	getRuntime().shutdownHooks.push(hook);
}

/** Runs shutdown hooks in reverse order of registration (the database stops last). */
export async function runShutdownHooks() {
	const hooks = getRuntime().shutdownHooks.splice(0).reverse();
	for (const hook of hooks) {
		try {
			await hook();
		} catch (error) {
			console.error('shutdown hook failed', error);
		}
	}
}

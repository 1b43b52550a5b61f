// Production entry: one HTTP server for SvelteKit (adapter-node's handler) and socket.io.
// `npm start` runs this; it builds first when the build is missing or older than the sources
// (`npm install` builds already, as its prepare step).
import http from 'node:http';
import { ensureBuilt } from './scripts/build.mjs';
import { attachSocketServer, runShutdownHooks } from './src/lib/server/runtime.js';
import { setSecurityHeaders } from './src/lib/server/http/security-headers.js';

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
// Without ORIGIN adapter-node cannot tell same-site form posts from cross-site ones and refuses them all.
process.env.ORIGIN ||= `http://localhost:${port}`;
// The ceiling for every body: adapter-node reads up to this. Each route keeps its own, smaller limit
// (src/lib/server/http/bodies.ts): 512 KB, but 32 MB for the entries imports and the registration forms
// that carry attachments (10 MB each).
process.env.BODY_SIZE_LIMIT ||= '32M';

if (!(await ensureBuilt('first start, or the sources changed'))) process.exit(1);
/** @type {(request: http.IncomingMessage, response: http.ServerResponse) => void} */
let handler;
const server = http.createServer();
// Registered before socket.io attaches: engine.io wraps the listeners it finds and passes them only
// what is not its own (/socket.io/…). A listener added later would answer socket.io's requests too.
server.on('request', (request, response) => {
	setSecurityHeaders(response);
	handler(request, response);
});
const io = attachSocketServer(server);

try {
	// Importing the handler runs the app's init hook: database start-up and migrations.
	({ handler } = await import('./build/handler.js'));
} catch (error) {
	console.error(`[jiangxin] start-up failed: ${error instanceof Error ? error.message : error}`);
	await runShutdownHooks();
	process.exit(1);
}
server.listen(port, host, () => console.info(`[jiangxin] listening on ${process.env.ORIGIN} (${host}:${port})`));

let stopping = false;
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.info(`[jiangxin] ${signal}: stopping…`);
	io.close();
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
	await runShutdownHooks();
	process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

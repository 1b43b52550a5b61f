import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { attachSocketServer } from './src/lib/server/runtime.js';
import { setSecurityHeaders } from './src/lib/server/http/security-headers.js';

/** In development socket.io shares Vite's HTTP server, as server.js shares adapter-node's in production; the security headers likewise. */
function socketIoDevServer(): Plugin {
	return {
		name: 'jiangxin-socket-io',
		configureServer(server) {
			if (server.httpServer) attachSocketServer(server.httpServer as import('node:http').Server);
			server.middlewares.use((_request, response, next) => {
				setSecurityHeaders(response);
				next();
			});
		}
	};
}

export default defineConfig({
	plugins: [
		tailwindcss(),
		paraglideVitePlugin({
			project: './project.inlang',
			// The defaults (cookie, then Chinese) match `npm run i18n`, which compiles the same output for checks.
			outdir: './src/lib/paraglide'
		}),
		sveltekit(),
		socketIoDevServer()
	],
	// Rolldown's plugin-timing report fills a loaded machine's build output with noise.
	build: { rolldownOptions: { checks: { pluginTimings: false } } },
	server: {
		port: 5180,
		// The embedded PostgreSQL writes WAL under ./data; watching it would reload the page on every write.
		watch: { ignored: ['**/data/**', '**/test-results/**', '**/playwright-report/**'] }
	},
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/integration/global-setup.ts'],
					setupFiles: ['tests/integration/setup-db.ts'],
					testTimeout: 20_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});

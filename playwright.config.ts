import { defineConfig, devices } from '@playwright/test';
import { E2E_SECRET_KEY } from './tests/e2e/secret-key';

// The test processes seed encrypted ID numbers with the server's key: set before any worker starts, so
// whichever seeding runs first already uses it (the key is cached once loaded).
process.env.JIANGXIN_SECRET_KEY = E2E_SECRET_KEY;

// Ports of our own (not 4173/5173, which other processes on a shared machine may hold).
const PORT = Number(process.env.E2E_PORT || 3197);
const PG_PORT = Number(process.env.E2E_PG_PORT || 54331);
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	// Generous: a loaded CI machine once took over 30 s for a short journey; a hang still fails within a minute.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	outputDir: 'test-results',
	use: {
		baseURL,
		// Our users' browsers: Chinese, in China Standard Time.
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			// Debian's Chromium: Playwright cannot download browsers here. The networking flags stop it
			// calling home on this closed network.
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	projects: [
		// The first run must happen once, before anything else, on an empty database.
		{ name: 'first-run', testMatch: 'first-run.e2e.ts', use: { ...devices['Desktop Chrome'] } },
		{ name: 'journeys', testIgnore: 'first-run.e2e.ts', dependencies: ['first-run'], use: { ...devices['Desktop Chrome'] } }
	],
	webServer: {
		// A fresh embedded PostgreSQL for every run, so the first-run setup page is really the first run.
		command: 'rm -rf data/e2e-postgres && exec node server.js',
		url: `${baseURL}/healthz`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
		env: { PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: baseURL, JIANGXIN_DATA_DIR: 'data/e2e-postgres', JIANGXIN_PG_PORT: String(PG_PORT), DATABASE_URL: '', JIANGXIN_SECRET_KEY: E2E_SECRET_KEY, JIANGXIN_VOTE_REVIEW_INTERVAL_S: '0' }
	}
});

// `npm test`: makes sure the browser is there, then runs every layer in turn (unit + integration in
// vitest, then end-to-end in Playwright). The first failing layer stops the run with its exit code.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const cjkFont = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
// The certificate tests read the PDFs back with poppler's pdftotext, the way a person's viewer would.
const pdftotext = '/usr/bin/pdftotext';
const bin = (name) => `node_modules/.bin/${name}`;

function run(label, command, args) {
	console.info(`\n== ${label}`);
	const result = spawnSync(command, args, { stdio: 'inherit' });
	if (result.status === 0) return;
	console.error(`\n== ${label}: failed (${result.status ?? result.signal})`);
	process.exit(result.status || 1);
}

/** Debian's Chromium (Playwright cannot download browsers here), a CJK font for the screenshots, and poppler-utils (pdftotext). */
function ensureBrowser() {
	const missing = [existsSync(chromium) ? '' : 'chromium', existsSync(cjkFont) ? '' : 'fonts-noto-cjk', existsSync(pdftotext) ? '' : 'poppler-utils'].filter(Boolean);
	if (missing.length === 0) return;
	const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
	if (!canInstall) {
		if (!existsSync(chromium)) {
			console.error(`The end-to-end tests need Chromium at ${chromium}: run \`sudo apt-get install -y chromium fonts-noto-cjk\` (or set CHROMIUM_PATH).`);
			process.exit(1);
		}
		if (!existsSync(pdftotext)) {
			console.error('The certificate tests need pdftotext: run `sudo apt-get install -y poppler-utils`.');
			process.exit(1);
		}
		console.warn(`fonts-noto-cjk is missing: screenshots will show Chinese as boxes (\`sudo apt-get install -y fonts-noto-cjk\`).`);
		return;
	}
	const install = `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`;
	run(`installing ${missing.join(' and ')} (end-to-end tests)`, 'sh', ['-c', install]);
}

ensureBrowser();
run('message catalogue and SvelteKit types', 'npm', ['run', '--silent', 'sync']);
run('unit and integration tests (vitest)', bin('vitest'), ['run']);
run('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test']);
console.info('\n== all test layers passed');

import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [file, y, h, out, w = 390] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
await page.setContent(`<body style="margin:0;overflow:hidden"><div style="background:url('data:image/png;base64,${readFileSync(file).toString('base64')}') 0 -${y}px no-repeat;width:${w}px;height:${h}px"></div></body>`, { waitUntil: 'domcontentloaded' });
await page.waitForTimeout(500);
await page.screenshot({ path: out });
await browser.close();

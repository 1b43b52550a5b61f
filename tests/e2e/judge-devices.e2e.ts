import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';
import { fillSheet, openRound, prepareJudgingDay, printSignInCodes, signInOnTablet } from './judging-steps';
import { sheetRecords } from './seed';

// Issue 15: the head judge revokes a tablet on the round's device page. A tablet that is online is told
// at once and signed out; one that was offline, holding a submit it could not send, is told when it
// reconnects, and the server refuses what it held — nothing is recorded, nothing shows as received.

const PEOPLE = [1, 2].map((n) => ({ name: `复赛选手${n}号`, unit: `复赛单位${n}`, phone: `1390000${String(n + 400).padStart(4, '0')}` }));
const JIA = '甲评委';
const YI = '乙评委';
const HEAD = '丙裁判长';
const SCORES = { process: 1500, precision: 2800, surface: 1600, completeness: 1200, safety: 800 };

test('the head judge revokes two tablets: the online one is signed out at once, the offline one on reconnecting, and its held submit is refused', async ({ page, browser }) => {
	test.setTimeout(300_000);
	await signIn(page);
	const baseURL = new URL(page.url()).origin;
	const day = await prepareJudgingDay(page, '全市职工钳工比武复赛', 'judge-devices-2026', PEOPLE, [
		{ name: JIA, role: 'judge' },
		{ name: YI, role: 'judge' },
		{ name: HEAD, role: 'head' }
	]);
	const codes = await printSignInCodes(page, day.competitionUrl);
	const a = await signInOnTablet(browser, baseURL, codes[JIA]!);
	const b = await signInOnTablet(browser, baseURL, codes[YI]!);
	const h = await signInOnTablet(browser, baseURL, codes[HEAD]!);
	await openRound(a.judge, 2);
	await openRound(b.judge, 2);

	// 乙 fills No. 1 while online (it reaches the server as a draft), then the tablet loses the network
	// and 乙 submits: the submit waits in the tablet's outbox.
	await fillSheet(b.judge, 1, SCORES);
	await b.judge.getByRole('button', { name: /返回队列/ }).click();
	await expect(b.judge.getByTestId('pending-count')).toHaveText('已全部同步', { timeout: 30_000 });
	const before = await sheetRecords(day.roundId, day.judgeIds[YI]!);
	expect(before.sheets.map((sheet) => sheet.status)).toEqual(['draft']);
	await b.tablet.setOffline(true);
	await expect(b.judge.getByTestId('connection')).toHaveText(/离线/, { timeout: 60_000 });
	await b.judge.getByTestId('open-entry').first().click();
	await b.judge.getByTestId('submit-sheet').click();
	await b.judge.getByTestId('confirm-submit').click();
	await expect(b.judge.getByTestId('pending-count')).toHaveText('1 条待同步');
	await expect(b.judge.getByTestId('entry-status').first()).not.toHaveText('已收到');

	// The head judge's device page: every tablet of the panel.
	await h.judge.getByTestId('judge-matrix-link').click();
	await h.judge.getByRole('link', { name: '设备', exact: true }).click();
	const devices = h.judge.getByTestId('device');
	await expect(devices).toHaveCount(3);
	// A card by the judge's name on it (a revoked card also names the head judge who revoked it).
	const deviceOf = (name: string) => devices.filter({ has: h.judge.getByText(name, { exact: true }) });
	await deviceOf(JIA).getByRole('button', { name: `吊销 ${JIA} 的设备` }).click();
	await expect(h.judge.getByText('设备已吊销，其登录已结束')).toBeVisible();
	await expect(deviceOf(JIA)).toHaveAttribute('data-revoked', 'true');

	// 甲's tablet, online, is told at once: signed out, and it says why.
	await expect(a.judge).toHaveURL(/\/judge\/sign-in\?revoked=1$/, { timeout: 30_000 });
	await expect(a.judge.getByTestId('revoked-notice')).toHaveText('设备已吊销，其登录已结束');
	await a.judge.goto('/judge');
	await expect(a.judge.getByTestId('judge-rounds')).toHaveCount(0);
	await expect(a.judge).not.toHaveURL(/\/judge$/);

	// 乙's tablet is revoked while away; back online, it is told, and what it held is refused.
	await deviceOf(YI).getByRole('button', { name: `吊销 ${YI} 的设备` }).click();
	await expect(deviceOf(YI)).toHaveAttribute('data-revoked', 'true');
	await b.tablet.setOffline(false);
	await expect(b.judge).toHaveURL(/\/judge\/sign-in\?revoked=1$/, { timeout: 60_000 });
	await expect(b.judge.getByTestId('revoked-notice')).toBeVisible();
	const after = await sheetRecords(day.roundId, day.judgeIds[YI]!);
	expect(after.sheets.map((sheet) => sheet.status)).toEqual(['draft']);
	expect(after.operations).toHaveLength(before.operations.length);
	expect(after.audit).toHaveLength(before.audit.length);
	// Nothing of the session stays on the tablet: its outbox and sheets are gone.
	expect(await b.judge.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);

	// The head judge's own tablet was not touched.
	await h.judge.reload();
	await expect(deviceOf(HEAD)).toHaveAttribute('data-revoked', 'false');
	for (const context of [a.tablet, b.tablet, h.tablet]) await context.close();
});

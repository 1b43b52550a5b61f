import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { layoutProblems } from './layout-check';
import { ensureCertificates, HOLDER, REVOKED_CODE, VALID_CODE } from './certificate-seed';
import { ensureSweepCompetition, SWEEP_SLUG } from './pages';

// The public verification page a certificate's QR code opens, on a phone (390×844), signed out.

test.use({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

test('a phone verifies a valid certificate, a revoked one, and an unknown code', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await ensureSweepCompetition(browser);
	await ensureCertificates(SWEEP_SLUG);

	await page.goto(`/verify/${VALID_CODE.toLowerCase()}`);
	await expect(page.getByTestId('verify-status')).toHaveText('证书有效');
	await expect(page.getByTestId('verify-holder')).toHaveText('欧**华');
	await expect(page.getByText('一等奖')).toBeVisible();
	await expect(page.getByText('E2E-2026-0001')).toBeVisible();
	await expect(page.getByText(HOLDER)).toHaveCount(0);
	expect(await layoutProblems(page)).toEqual([]);

	await page.goto(`/verify/${REVOKED_CODE}`);
	await expect(page.getByTestId('verify-status')).toContainText('证书已于 2026年5月20日 撤销');
	await expect(page.getByText('工匠特别奖')).toBeVisible();
	expect(await layoutProblems(page)).toEqual([]);

	const unknown = await page.goto('/verify/ABCDEFGHJKMN');
	expect(unknown?.status()).toBe(404);
	await expect(page.getByText('找不到该证书')).toBeVisible();
	expect(await layoutProblems(page)).toEqual([]);
});

test('an organiser on a phone downloads every certificate as a zip, following its progress', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await ensureSweepCompetition(browser);
	const { competitionId } = await ensureCertificates(SWEEP_SLUG);
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions/${competitionId}/certificates`);
	await expect(page.getByTestId('certificate-row')).toHaveCount(2);
	expect(await layoutProblems(page)).toEqual([]);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: '全部下载（ZIP 压缩包）' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/\.zip$/);
	const bytes = readFileSync((await download.path())!);
	expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
	await expect(page.getByTestId('certificate-progress')).toHaveAttribute('value', '2');
	await expect(page.getByText('已生成 2 / 2')).toBeVisible();
});

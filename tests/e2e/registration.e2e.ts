import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { layoutProblems } from './layout-check';
import { REGISTRATION_SLUG } from './pages';
import { competitionIdOf, seedCompetitionStatus, seedEntryDecision } from './seed';

// Contestants register (phone first): an organiser opens registration with a notice and a field of
// their own; a contestant on a 390×844 phone makes an account with their mobile number, registers with
// a wrong ID number first (the message is at the field, nothing typed is lost), corrects it, and later
// sees the screening result with its reason.

const PHONE = '13912345678';
// 330523 19850312 001 + check character 2 would be right; 9 is wrong.
const WRONG_ID = '330523198503120019';

function validId(): string {
	const first17 = '33052319850312001';
	const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
	return first17 + '10X98765432'[sum % 11];
}

test('an organiser opens registration with a privacy notice and an extra field', async ({ page }) => {
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	await form.locator('select[name="kind"]').selectOption('skills_contest');
	await form.locator('input[name="title"]').fill('全县电工技能竞赛');
	await form.locator('input[name="slug"]').fill(REGISTRATION_SLUG);
	await form.locator('select[name="template"]').selectOption('skills_contest');
	await form.locator('input[name="eventName"]').fill('维修电工');
	await form.locator('button[type="submit"]').last().click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	await seedCompetitionStatus(competitionIdOf(page.url()), 'registration');

	await page.getByTestId('registration-settings-link').click();
	await page.getByLabel('个人信息处理说明').fill('报名信息仅用于本次竞赛的报名、审核和成绩公布。');
	await page.getByLabel('报名截止时间（北京时间）').fill('2099-06-30T18:00');
	await page.locator('form[action="?/settings"] button[type="submit"]').click();
	await expect(page.locator('form[action="?/settings"]').getByRole('status')).toHaveText('已保存');
	await expect(page.getByLabel(/个人信息处理说明（当前第 2 版）/)).toBeVisible();

	const fields = page.locator('form[action="?/fields"]');
	await fields.locator('input[name="fields.0.label"]').fill('工龄（年）');
	await fields.locator('input[name="fields.0.key"]').fill('work_years');
	await fields.locator('select[name="fields.0.kind"]').selectOption('number');
	await fields.locator('input[name="fields.0.required"]').check();
	await fields.locator('button[type="submit"]').click();
	await expect(fields.getByRole('status')).toHaveText('已保存');
	await expect(fields.locator('legend').first()).toHaveText('工龄（年）');
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('a contestant registers, is told at the field that the ID number is wrong, corrects it and later sees the result', async ({ page }) => {
		await page.goto(`/c/${REGISTRATION_SLUG}`);
		await expect(page.getByRole('heading', { level: 1, name: '全县电工技能竞赛' })).toBeVisible();
		await expect(page.getByTestId('registration-closes')).toContainText('2099');
		expect(await layoutProblems(page)).toEqual([]);
		await page.getByTestId('register-link').first().click();

		// No account yet: make one with the mobile number, and come back to the form.
		await expect(page).toHaveURL(/\/signup\?redirectTo=/);
		await page.getByLabel('姓名').fill('王建国');
		await page.getByLabel('手机号或电子邮箱').fill(PHONE);
		await page.getByLabel('密码').fill('my phone password 1');
		await page.getByRole('button', { name: '注册账号' }).click();
		await expect(page).toHaveURL(new RegExp(`/c/${REGISTRATION_SLUG}/register/`));
		await expect(page.getByTestId('privacy-notice')).toHaveText('报名信息仅用于本次竞赛的报名、审核和成绩公布。');

		await page.locator('#member-0-name').fill('王建国');
		await page.locator('#member-0-gender').selectOption('male');
		await page.locator('#member-0-idNumber').fill(WRONG_ID);
		await page.locator('#member-0-phone').fill(PHONE);
		await page.locator('#member-0-unit').fill('县供电公司');
		await page.locator('#member-0-level').selectOption('senior');
		await page.locator('#extra-work_years').fill('12');
		await page.locator('#field-consent').check();
		await page.getByRole('button', { name: '提交报名' }).click();

		await expect(page.locator('#member-0-idNumber-error')).toHaveText('身份证号码校验位不对，请逐位核对');
		await expect(page.locator('#member-0-idNumber')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#member-0-idNumber')).toHaveValue(WRONG_ID);
		await expect(page.locator('#member-0-name')).toHaveValue('王建国');
		await expect(page.locator('#member-0-unit')).toHaveValue('县供电公司');
		await expect(page.locator('#extra-work_years')).toHaveValue('12');
		await expect(page.locator('#field-consent')).toBeChecked();
		expect(await layoutProblems(page)).toEqual([]);

		await page.locator('#member-0-idNumber').fill(validId());
		await page.getByRole('button', { name: '提交报名' }).click();
		await expect(page).toHaveURL(/\/my\/entries/);
		const card = page.getByTestId('my-entry');
		await expect(card).toHaveCount(1);
		await expect(card.getByTestId('entry-status')).toHaveText('已提交');
		await expect(card).toContainText('维修电工');
		expect(await layoutProblems(page)).toEqual([]);

		await seedEntryDecision(PHONE, 'rejected', '技能等级证书未上传');
		await page.reload();
		await expect(card.getByTestId('entry-status')).toHaveText('未通过');
		await expect(card.getByTestId('entry-reason')).toHaveText('未通过原因：技能等级证书未上传');
		await expect(card.getByRole('link', { name: '修改' })).toHaveCount(0);

		await seedEntryDecision(PHONE, 'approved');
		await page.reload();
		await expect(card.getByTestId('entry-status')).toHaveText('初审通过');
	});
});

import { describe, expect, it } from 'vitest';
import { setupSchema, changePasswordSchema, signInSchema } from './auth';
import { createOrganisationSchema, inviteMemberSchema, organisationSettingsSchema } from './organisation';
import { auditFilterSchema } from './audit';
import { fieldErrors } from '$lib/server/http/forms';
import { setLocale } from '$lib/paraglide/runtime.js';

const errorsOf = (result: { success: boolean; error?: unknown }) =>
	result.success ? {} : fieldErrors(result.error as Parameters<typeof fieldErrors>[0]);

describe('form schemas', () => {
	it('name every missing field, in Chinese by default', () => {
		setLocale('zh-CN', { reload: false });
		expect(errorsOf(setupSchema.safeParse({}))).toEqual({
			organisationName: '此项必填',
			organisationSlug: '此项必填',
			displayName: '此项必填',
			email: '此项必填',
			password: '此项必填'
		});
	});

	it('speak English when the person chose it', () => {
		setLocale('en', { reload: false });
		expect(errorsOf(signInSchema.safeParse({ email: 'x', password: '' }))).toEqual({
			email: 'Enter a valid e-mail address',
			password: 'This field is required'
		});
		setLocale('zh-CN', { reload: false });
	});

	it('tidy e-mail addresses and refuse bad slugs, short passwords and unknown roles', () => {
		const parsed = setupSchema.safeParse({ organisationName: ' 县总工会 ', organisationSlug: 'county-union', displayName: '李', email: ' Li@Example.ORG ', password: 'ten chars!' });
		expect(parsed.success && parsed.data).toMatchObject({ organisationName: '县总工会', email: 'li@example.org' });
		expect(errorsOf(setupSchema.safeParse({ organisationName: 'a', organisationSlug: '-Bad-', displayName: 'b', email: 'a@b.cn', password: 'short' }))).toEqual({
			organisationSlug: '只能用小写字母、数字和中间的连字符，最多 48 个字符',
			password: '密码至少 10 个字符'
		});
		expect(errorsOf(inviteMemberSchema.safeParse({ email: 'a@b.cn', role: 'king' }))).toEqual({ role: '请选择角色' });
	});

	it('treat an empty optional password as none, and a ticked checkbox as true', () => {
		expect(createOrganisationSchema.parse({ name: 'n', slug: 'demo', ownerEmail: 'a@b.cn', ownerDisplayName: 'x', ownerPassword: '' }).ownerPassword).toBeUndefined();
		expect(organisationSettingsSchema.parse({ name: 'n', allowSignUp: 'on' }).allowSignUp).toBe(true);
		expect(organisationSettingsSchema.parse({ name: 'n' }).allowSignUp).toBe(false);
	});

	it('require the new password twice, the same', () => {
		expect(errorsOf(changePasswordSchema.safeParse({ currentPassword: 'x', newPassword: 'long enough one', confirmPassword: 'long enough two' }))).toEqual({
			confirmPassword: '两次输入的新密码不一致'
		});
	});

	it('accept audit filters as calendar days and refuse anything else', () => {
		expect(auditFilterSchema.parse({ from: '2026-11-01', action: '', before: '42' })).toEqual({ from: '2026-11-01', before: '42' });
		expect(errorsOf(auditFilterSchema.safeParse({ from: '2026-13-01' }))).toEqual({ from: '请输入有效日期' });
		expect(auditFilterSchema.safeParse({ before: '1; drop table' }).success).toBe(false);
	});
});

describe('text fields', () => {
	it('refuse control characters that PostgreSQL or a reader would choke on', () => {
		expect(errorsOf(organisationSettingsSchema.safeParse({ name: 'a\u0000b' }))).toEqual({ name: '输入无效' });
		expect(errorsOf(auditFilterSchema.safeParse({ actor: '\u0000' }))).toEqual({ actor: '输入无效' });
		expect(organisationSettingsSchema.parse({ name: '数控车工\t一组' }).name).toBe('数控车工\t一组');
	});
});

import { describe, expect, it } from 'vitest';
import { setupSchema, changePasswordSchema, signInSchema } from './auth';
import { createOrganisationSchema, inviteMemberSchema, organisationSettingsSchema } from './organisation';
import { auditFilterSchema } from './audit';
import { competitionFieldsSchema, eventFieldsSchema } from './competition';
import { labelsSchema } from './scheme';
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
			email: 'Enter an 11-digit mobile number or a valid e-mail address',
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
		const refused = '含有不允许的字符（控制字符或不成对的代理字符）';
		expect(errorsOf(organisationSettingsSchema.safeParse({ name: 'a\u0000b' }))).toEqual({ name: refused });
		expect(errorsOf(auditFilterSchema.safeParse({ actor: '\u0000' }))).toEqual({ actor: refused });
		expect(organisationSettingsSchema.parse({ name: '数控车工\t一组' }).name).toBe('数控车工\t一组');
	});

	it('refuse lone surrogates everywhere text is free, scheme labels included, and keep real pairs', () => {
		const refused = '含有不允许的字符（控制字符或不成对的代理字符）';
		for (const bad of ['ev\ud800', '\udc00x', 'a\ud800\ud800b']) {
			expect(errorsOf(organisationSettingsSchema.safeParse({ name: bad }))).toEqual({ name: refused });
			expect(labelsSchema.safeParse({ 'zh-CN': bad, en: 'x' }).success).toBe(false);
		}
		expect(labelsSchema.safeParse({ 'zh-CN': '理论\u0000', en: 'x' }).success).toBe(false);
		expect(organisationSettingsSchema.parse({ name: '工匠 🛠️' }).name).toBe('工匠 🛠️');
	});
});

describe('dates and numbers', () => {
	it('take calendar days from 1900 to 2200 only, in competitions and audit filters alike', () => {
		const fields = { title: 't', slug: 'a-contest' };
		for (const day of ['0000-01-01', '1899-12-31', '2201-01-01']) {
			expect(Object.keys(errorsOf(competitionFieldsSchema.safeParse({ ...fields, startsOn: day })))).toEqual(['startsOn']);
			expect(Object.keys(errorsOf(auditFilterSchema.safeParse({ until: day })))).toEqual(['until']);
		}
		expect(competitionFieldsSchema.parse({ ...fields, startsOn: '1900-01-01', endsOn: '2200-12-31' })).toMatchObject({ startsOn: '1900-01-01', endsOn: '2200-12-31' });
	});

	it('read a capacity from decimal digits only', () => {
		for (const capacity of [true, '0x10', ' ', '1e3', '١٢', 1.5, '0']) expect(eventFieldsSchema.safeParse({ name: 'n', capacity }).success, String(capacity)).toBe(false);
		expect(eventFieldsSchema.parse({ name: 'n', capacity: '16' }).capacity).toBe(16);
		expect(eventFieldsSchema.parse({ name: 'n', capacity: 16 }).capacity).toBe(16);
		expect(eventFieldsSchema.parse({ name: 'n', capacity: '' }).capacity).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { schemeSchema } from './scheme';
import { setLocale } from '$lib/paraglide/runtime.js';

const scheme = (max: number) => ({
	components: [{ key: 'practical', weight: 10_000, source: 'judges', criteria: [{ key: 'finish', max }] }]
});
const messageAt = (value: unknown, path: string) => {
	const result = schemeSchema.safeParse(value);
	return result.success ? undefined : result.error.issues.find((issue) => issue.path.join('.') === path)?.message;
};

describe('scheme schema messages', () => {
	it('says which rule a point value breaks, not just “invalid”', () => {
		setLocale('zh-CN', { reload: false });
		expect(messageAt(scheme(-500), 'components.0.criteria.0.max')).toBe('不能小于 0');
		expect(messageAt(scheme(12.5), 'components.0.criteria.0.max')).toBe('必须是整数（以 0.01 分为单位）');
		setLocale('en', { reload: false });
		expect(messageAt(scheme(-500), 'components.0.criteria.0.max')).toBe('Must not be below 0');
		setLocale('zh-CN', { reload: false });
	});
});

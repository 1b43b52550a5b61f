import { describe, expect, it } from 'vitest';
import { SCHEME_TEMPLATES } from '$lib/domain/scoring';
import { templateFitsKind } from './template-kinds';

describe('templates by kind', () => {
	it.each([
		['skills_contest', 'skills_contest', true],
		['worldskills', 'skills_contest', true],
		['craftsman_award', 'craftsman_award', true],
		['skills_contest', 'craftsman_award', false],
		['worldskills', 'craftsman_award', false],
		['craftsman_award', 'skills_contest', false],
		['made_up', 'skills_contest', false]
	] as const)('%s fits a %s: %s', (template, kind, fits) => {
		expect(templateFitsKind(template, kind)).toBe(fits);
	});

	it('every template is made for exactly one kind', () => {
		for (const template of SCHEME_TEMPLATES) {
			expect([templateFitsKind(template.key, 'skills_contest'), templateFitsKind(template.key, 'craftsman_award')].filter(Boolean), template.key).toHaveLength(1);
		}
	});
});

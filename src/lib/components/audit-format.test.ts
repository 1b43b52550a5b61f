import { describe, expect, it } from 'vitest';
import { SKILLS_CONTEST_TEMPLATE } from '$lib/domain/scoring/templates';
import { describeAuditChange, foldRepeats, formatShare, summariseScheme } from './audit-format';

// Messages are read in the base locale (zh-CN) here; the English ones are checked once below.
describe('audit entries in words', () => {
	it.each([
		['a step back', { status: 'registration' }, { status: 'draft', reason: '通知写错' }, [{ field: '阶段', before: '报名中', after: '草稿' }, { field: '原因', after: '通知写错' }]],
		['a step on', { status: 'review' }, { status: 'notice' }, [{ field: '阶段', before: '复核中', after: '公示中' }]],
		['an update shows only what changed', { title: '甲', venue: '县体育馆', slug: 'a' }, { title: '乙', venue: '县体育馆', slug: 'a' }, [{ field: '名称', before: '甲', after: '乙' }]],
		['a role change', { role: 'organiser' }, { role: 'owner' }, [{ field: '角色', before: '组织者', after: '所有者' }]],
		['a round made blind', { name: '决赛', blind: false }, { name: '决赛', blind: true }, [{ field: '加密评分', before: '否', after: '是' }]],
		['capacity removed', { name: '钳工', participation: 'individual', capacity: 40 }, { name: '钳工', participation: 'team', capacity: null }, [
			{ field: '参赛形式', before: '个人', after: '团体' },
			{ field: '名额上限', before: '40', after: '不限' }
		]],
		['a creation lists what it set, without ids or empty fields', null, { eventId: '8d3c1b8e-2f7a-4c55-9d0e-1a2b3c4d5e6f', name: '初赛', blind: true, venue: '' }, [
			{ field: '名称', after: '初赛' },
			{ field: '加密评分', after: '是' }
		]],
		['a removal lists what was there', { name: '决赛' }, null, [{ field: '名称', before: '决赛' }]],
		['a competition from a template', null, { kind: 'craftsman_award', template: 'craftsman_award' }, [{ field: '类型', after: '工匠评选' }, { field: '模板', after: expect.stringContaining('工匠') }]]
	])('%s', (_, before, after, lines) => {
		expect(describeAuditChange(before, after, 'zh-CN')).toEqual(lines);
	});

	it('summarises a scheme instead of dumping it, in hundredths as percentages', () => {
		const scheme = SKILLS_CONTEST_TEMPLATE.rounds[0]!.scheme;
		const lines = describeAuditChange(null, { version: 1, scheme, reason: '职工技能竞赛' }, 'zh-CN');
		expect(lines).toEqual([
			{ field: '版本', after: '第 1 版' },
			{ field: '评分方案', after: summariseScheme(scheme, 'zh-CN') },
			{ field: '原因', after: '职工技能竞赛' }
		]);
		expect(summariseScheme(scheme, 'zh-CN')).toMatch(/^理论考试 20 %；实际操作 80 %；3 个奖项等级$/);
		expect(summariseScheme(scheme, 'en')).toMatch(/^Theory exam 20 %/);
		expect(JSON.stringify(lines)).not.toContain('components');
		expect([formatShare(1000), formatShare(1250), formatShare(10000)]).toEqual(['10 %', '12.5 %', '100 %']);
	});

	it('folds the same person doing the same thing to the same subject in a row', () => {
		const row = (action: string, subjectId = 'r1', actorLabel = '李主任') => ({ action, subjectId, actorLabel });
		const folded = foldRepeats([row('scheme.saved'), row('scheme.saved'), row('scheme.saved'), row('round.updated'), row('scheme.saved'), row('scheme.saved', 'r2'), row('scheme.saved', 'r2', '王')]);
		expect(folded.map((entry) => [entry.action, entry.subjectId, entry.actorLabel, entry.count])).toEqual([
			['scheme.saved', 'r1', '李主任', 3],
			['round.updated', 'r1', '李主任', 1],
			['scheme.saved', 'r1', '李主任', 1],
			['scheme.saved', 'r2', '李主任', 1],
			['scheme.saved', 'r2', '王', 1]
		]);
	});
});

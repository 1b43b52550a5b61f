import type { Criterion, Labels, Scheme } from './types';

/** A starting point an organiser can copy: one scheme per round, in round order. */
export interface SchemeTemplate {
	key: string;
	label: Labels;
	rounds: { key: string; label: Labels; scheme: Scheme }[];
}

// All point values below are hundredths (DESIGN.md §3): 2000 = 20 points or 20 %.

/** 职工技能竞赛: theory 20 % entered, practical 80 % by five judges dropping the highest and lowest. */
export const SKILLS_CONTEST_TEMPLATE: SchemeTemplate = {
	key: 'skills_contest',
	label: { 'zh-CN': '职工技能竞赛（理论 20% + 实操 80%）', en: 'Skills contest (theory 20% + practical 80%)' },
	rounds: [
		{
			key: 'final',
			label: { 'zh-CN': '决赛', en: 'Final' },
			scheme: {
				components: [
					{ key: 'theory', label: { 'zh-CN': '理论考试', en: 'Theory exam' }, source: 'entered', weight: 2000, max: 10000 },
					{
						key: 'practical',
						label: { 'zh-CN': '实际操作', en: 'Practical' },
						source: 'judges',
						weight: 8000,
						aggregation: { method: 'trimmed_mean', trim: 1, minJudges: 5 },
						level: 'judge_total',
						criteria: [
							{ key: 'process', label: { 'zh-CN': '工艺规范', en: 'Process' }, max: 2000 },
							{ key: 'precision', label: { 'zh-CN': '尺寸精度', en: 'Dimensional precision' }, max: 3500 },
							{ key: 'surface', label: { 'zh-CN': '表面质量', en: 'Surface finish' }, max: 2000 },
							{ key: 'completeness', label: { 'zh-CN': '完成度', en: 'Completeness' }, max: 1500 },
							{ key: 'safety', label: { 'zh-CN': '安全文明生产', en: 'Safe and tidy work' }, max: 1000 }
						],
						deductions: [
							{ key: 'defect', label: { 'zh-CN': '工件缺陷（每处）', en: 'Workpiece defect (each)' }, points: 200 },
							{ key: 'safety_breach', label: { 'zh-CN': '违反安全操作（每次）', en: 'Safety breach (each)' }, points: 500 }
						]
					}
				],
				tieBreaks: ['component:practical', 'fewer_deductions', 'earlier_finish'],
				tiers: [
					{ key: 'first_prize', label: { 'zh-CN': '一等奖', en: 'First prize' }, limit: { kind: 'share', share: 1000 } },
					{ key: 'second_prize', label: { 'zh-CN': '二等奖', en: 'Second prize' }, limit: { kind: 'share', share: 2000 } },
					{ key: 'third_prize', label: { 'zh-CN': '三等奖', en: 'Third prize' }, limit: { kind: 'share', share: 3000 } }
				],
				teams: { size: 3, method: 'sum' },
				spreadThreshold: 2000
			}
		}
	]
};

const CRAFTSMAN_CRITERIA: Criterion[] = [
	{ key: 'professional_ethics', label: { 'zh-CN': '职业道德', en: 'Professional ethics' }, max: 2000 },
	{ key: 'craft_expertise', label: { 'zh-CN': '工艺专长', en: 'Craft expertise' }, max: 2000 },
	{ key: 'outstanding_skill', label: { 'zh-CN': '高超技能', en: 'Outstanding skill' }, max: 2500 },
	{ key: 'leadership', label: { 'zh-CN': '领军作用', en: 'Leading role' }, max: 1500 },
	{ key: 'contribution', label: { 'zh-CN': '突出贡献', en: 'Outstanding contribution' }, max: 2000 }
];

/** 工匠评选: an expert + public vote round picks 21 finalists; the final awards 12 工匠 and 9 提名奖. */
export const CRAFTSMAN_AWARD_TEMPLATE: SchemeTemplate = {
	key: 'craftsman_award',
	label: { 'zh-CN': '工匠评选（初评 + 终评）', en: 'Craftsman award (preliminary + final)' },
	rounds: [
		{
			key: 'preliminary',
			label: { 'zh-CN': '初评', en: 'Preliminary round' },
			scheme: {
				components: [
					{
						key: 'expert',
						label: { 'zh-CN': '专家评分', en: 'Expert score' },
						source: 'judges',
						weight: 9000,
						aggregation: { method: 'trimmed_mean', trim: 1, minJudges: 5 },
						criteria: CRAFTSMAN_CRITERIA
					},
					{ key: 'public_vote', label: { 'zh-CN': '网络投票', en: 'Public vote' }, source: 'public_vote', weight: 1000, normalisation: 'top' }
				],
				tieBreaks: ['component:expert'],
				advancement: { kind: 'top', count: 21 }
			}
		},
		{
			key: 'final',
			label: { 'zh-CN': '终评', en: 'Final round' },
			scheme: {
				components: [
					{
						key: 'expert',
						label: { 'zh-CN': '专家评审', en: 'Expert panel' },
						source: 'judges',
						weight: 10000,
						aggregation: { method: 'trimmed_mean', trim: 1, minJudges: 5 },
						criteria: CRAFTSMAN_CRITERIA
					}
				],
				tiers: [
					{ key: 'craftsman', label: { 'zh-CN': '工匠', en: 'Craftsman' }, limit: { kind: 'count', count: 12 } },
					{ key: 'nomination', label: { 'zh-CN': '提名奖', en: 'Nomination award' }, limit: { kind: 'count', count: 9 } }
				]
			}
		}
	]
};

/** Judgement aspects scored 0–3; each weighs its marks (weight ≠ max, unlike the default). */
const JUDGEMENT_ASPECTS: Criterion[] = [
	{ key: 'finish', label: { 'zh-CN': '外观质量', en: 'Finish' }, max: 300, weight: 1000 },
	{ key: 'symmetry', label: { 'zh-CN': '对称与协调', en: 'Symmetry and balance' }, max: 300, weight: 800 },
	{ key: 'proportion', label: { 'zh-CN': '比例', en: 'Proportion' }, max: 300, weight: 700 },
	{ key: 'detail', label: { 'zh-CN': '细节处理', en: 'Detailing' }, max: 300, weight: 800 },
	{ key: 'overall_impression', label: { 'zh-CN': '整体印象', en: 'Overall impression' }, max: 300, weight: 700 }
];

/** 世赛标准: 60 measurement marks entered, 40 judgement marks from three judges scoring 0–3. */
export const WORLDSKILLS_TEMPLATE: SchemeTemplate = {
	key: 'worldskills',
	label: { 'zh-CN': '世赛标准（测量 + 评价）', en: 'WorldSkills style (measurement + judgement)' },
	rounds: [
		{
			key: 'final',
			label: { 'zh-CN': '决赛', en: 'Final' },
			scheme: {
				components: [
					{ key: 'measurement', label: { 'zh-CN': '测量分', en: 'Measurement marks' }, source: 'entered', weight: 6000, max: 6000 },
					{
						key: 'judgement',
						label: { 'zh-CN': '评价分', en: 'Judgement marks' },
						source: 'judges',
						weight: 4000,
						aggregation: { method: 'mean' },
						criteria: JUDGEMENT_ASPECTS
					}
				],
				tieBreaks: ['component:measurement'],
				// Judges may differ by 1 on a 0–3 aspect (33.33… on the 0–100 scale); 2 or more (66.67) is flagged.
				spreadThreshold: 5000
			}
		}
	]
};

export const SCHEME_TEMPLATES: readonly SchemeTemplate[] = [SKILLS_CONTEST_TEMPLATE, CRAFTSMAN_AWARD_TEMPLATE, WORLDSKILLS_TEMPLATE];

// The example organisation's content. It is data, like a union's list, so it is written in Chinese
// whatever the language of the person who asked for the demo (the pages around it are translated).

export const DEMO_TEXT = {
	organisationName: '示例：安吉县总工会',
	organiser: '安吉县总工会',
	awardTitle: '2026 年度“安吉工匠”评选（示例）',
	awardEvent: '安吉工匠',
	awardVenue: '安吉县职工服务中心',
	awardDescription: '示例数据：115 份申报，初审通过 87 份；初评按专家评分 90% + 网络投票 10% 排名，前 21 名进入终评；终评按五项标准评出 12 名“安吉工匠”、9 名提名奖和 1 名工匠特别奖，现处于公示期。',
	awardJudgeSpecialty: '工匠评审',
	refusalReasons: ['从业年限不满十年，不符合申报条件', '申报材料不全：缺少单位推荐意见', '近三年内有安全生产责任事故记录', '同一人重复申报，保留较早一份'],
	awardTrades: ['竹制品加工', '白茶制作', '椅业制造', '护理', '电力运维', '职业教育'],
	awardLevels: ['高级工', '技师', '高级技师'],
	voidReason: '同一网段十分钟内集中投票 40 张，经核查为组织刷票，予以作废',
	specialAwardTitle: '工匠特别奖',
	specialAwardReason: '扎根竹编技艺三十年，带徒五十余人，评审组一致提议增设特别奖',
	specialAwardVersionReason: '增设工匠特别奖',
	contestTitle: '2026 年安吉县职工职业技能竞赛（示例）',
	contestVenue: '安吉县职业教育中心实训楼',
	contestDescription: '示例数据：数控车工、钳工、维修电工、中式烹调四个工种，理论 20% + 实操 80%，实操五名裁判去掉最高分和最低分，现场扣分，各单位前三名计团体成绩；已签字、公示结束、成绩终定并颁发证书。',
	contestTrades: ['数控车工', '钳工', '维修电工', '中式烹调'],
	contestLevel: '高级工',
	audit: {
		sheets: (count: number, round: string) => `示例数据：导入 ${count} 张评分表（${round}）`,
		votes: (count: number, round: string) => `示例数据：导入 ${count} 张有效网络投票（${round}）`,
		theory: (count: number, round: string) => `示例数据：导入 ${count} 个理论考试成绩（${round}）`,
		deductions: (count: number, round: string) => `示例数据：导入 ${count} 条现场扣分（${round}）`
	}
} as const;

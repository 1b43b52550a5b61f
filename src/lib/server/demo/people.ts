import { gb11643CheckCharacter } from '$lib/domain/identity/id-number';

// The example organisation's people: realistic Chinese names, valid resident ID numbers, 139 phones
// and county units, from a seeded generator so two runs give the same demo.

/** mulberry32: a small, fast generator whose sequence depends only on its seed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export type Random = () => number;

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
export const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

// The most common surnames, weighted by repetition, and characters given names are often made of.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN_MALE = '伟强军平国建明永健世广志义兴良海山仁波宁贵福生龙元全胜学祥才发武新利清飞彬富顺信杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘'.split('');
const GIVEN_FEMALE = '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽'.split('');

export interface DemoPerson {
	name: string;
	gender: 'male' | 'female';
	idNumber: string;
	phone: string;
	unit: string;
	birthYear: number;
}

/** A resident ID number of 安吉县 (330523) for this birth date and sex, with its GB 11643 check character. */
export function residentIdNumber(birth: { year: number; month: number; day: number }, sequence: number, gender: 'male' | 'female'): string {
	// The sequence's last digit is odd for men, even for women.
	const parity = gender === 'male' ? 1 : 0;
	const serial = String((sequence % 50) * 2 + parity).padStart(3, '0');
	const first17 = `330523${birth.year}${String(birth.month).padStart(2, '0')}${String(birth.day).padStart(2, '0')}${serial}`;
	return first17 + gb11643CheckCharacter(first17);
}

/** `count` distinct people; units are chosen by `unitOf(index)`. Names never repeat within one call. */
export function generatePeople(seed: number, count: number, unitOf: (index: number, random: Random) => string, options: { maleShare?: number; oldest?: number; youngest?: number } = {}): DemoPerson[] {
	const random = seededRandom(seed);
	const taken = new Set<string>();
	const people: DemoPerson[] = [];
	for (let index = 0; index < count; index++) {
		const gender = random() < (options.maleShare ?? 0.7) ? 'male' : 'female';
		let name = '';
		do {
			const chars = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
			name = pick(random, SURNAMES) + pick(random, chars) + (random() < 0.75 ? pick(random, chars) : '');
		} while (taken.has(name));
		taken.add(name);
		const year = between(random, options.oldest ?? 1966, options.youngest ?? 1996);
		const birth = { year, month: between(random, 1, 12), day: between(random, 1, 28) };
		const phone = `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
		people.push({ name, gender, idNumber: residentIdNumber(birth, seed + index, gender), phone, unit: unitOf(index, random), birthYear: year });
	}
	return people;
}

/** 安吉 units an award's applicants come from: enterprises, townships' unions, schools and hospitals. */
export const AWARD_UNITS = [
	'安吉县递铺街道总工会', '安吉县孝丰镇总工会', '安吉县天荒坪镇总工会', '安吉县梅溪镇总工会', '安吉县灵峰街道总工会',
	'安吉县竹产业协会', '浙江永裕竹业股份有限公司', '安吉县昌硕街道总工会', '安吉县杭垓镇总工会', '安吉县报福镇总工会',
	'安吉县人民医院', '安吉县职业教育中心', '安吉县白茶产业协会', '浙江恒林椅业股份有限公司', '安吉县供电公司',
	'安吉县交通运输局', '安吉县溪龙乡总工会', '安吉县山川乡总工会', '安吉县章村镇总工会', '安吉县上墅乡总工会'
];

/** The contest's units: each sends a team of three or more to each trade. */
export const CONTEST_UNITS = ['安吉县机械厂', '安吉县职业教育中心', '安吉县供电公司', '浙江恒林椅业股份有限公司', '安吉县交通运输局', '安吉县人民医院后勤中心', '安吉县餐饮行业协会'];

/** Judges come from outside the county, so none stands aside for an applicant's unit. */
export const JUDGE_UNITS = ['湖州市技师学院', '浙江工业大学', '湖州职业技术学院', '浙江省技能人才评价中心', '湖州市总工会', '杭州市技师学院', '浙江省餐饮行业协会'];

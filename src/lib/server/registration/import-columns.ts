import { m } from '$lib/paraglide/messages.js';
import { ID_TYPES, type IdType } from '$lib/domain/identity/id-number';
import type { ExtraFieldDefinition } from '$lib/domain/registration/extra-fields';
import { SKILL_LEVELS, type SkillLevel } from '$lib/schemas/entry';

/**
 * The columns of a competition's entry list (the template, the import, the export): fixed Chinese
 * headers as unions' lists use them, then one column per registration field (file fields excepted:
 * files cannot travel in a cell). Values in cells are the Chinese words people read (男, 居民身份证,
 * 高级工); the English words and the API's codes are accepted too.
 */

export interface ImportEvent {
	id: string;
	name: string;
	participation: 'individual' | 'team';
}

export type BaseColumnKey = 'name' | 'gender' | 'idType' | 'idNumber' | 'phone' | 'unit' | 'trade' | 'level' | 'event' | 'teamName' | 'leader';
/** A base column, or `extra.<field key>`. */
export type ColumnKey = BaseColumnKey | `extra.${string}`;

export interface ImportColumn {
	key: ColumnKey;
	header: string;
	required: boolean;
	/** Digits people type that must stay text (no 3.30523E+17). */
	text: boolean;
	/** The drop-down list of the template, when there is one. */
	choices?: string[];
	width: number;
	/** The instructions sheet's line for this column. */
	explain: () => string;
}

const zh = { locale: 'zh-CN' as const };
const en = { locale: 'en' as const };

/** A code's words in both languages, for reading cells. */
function vocabulary<T extends string>(codes: readonly T[], label: (code: T, options: typeof zh | typeof en) => string): Map<string, T> {
	const words = new Map<string, T>();
	for (const code of codes) {
		words.set(code.toLowerCase(), code);
		words.set(label(code, zh).toLowerCase(), code);
		words.set(label(code, en).toLowerCase(), code);
	}
	return words;
}

const GENDER_LABELS = { female: m.entries_gender_female, male: m.entries_gender_male };
const ID_TYPE_LABELS: Record<IdType, (input?: object, options?: { locale?: 'zh-CN' | 'en' }) => string> = {
	resident_id: m.entries_id_type_resident_id,
	residence_permit: m.entries_id_type_residence_permit,
	hk_macao_permit: m.entries_id_type_hk_macao_permit,
	taiwan_permit: m.entries_id_type_taiwan_permit,
	passport: m.entries_id_type_passport
};
const LEVEL_LABELS: Record<SkillLevel, (input?: object, options?: { locale?: 'zh-CN' | 'en' }) => string> = {
	junior: m.entries_level_junior,
	intermediate: m.entries_level_intermediate,
	senior: m.entries_level_senior,
	technician: m.entries_level_technician,
	senior_technician: m.entries_level_senior_technician
};

export const genderLabel = (code: 'female' | 'male') => GENDER_LABELS[code]({}, zh);
export const idTypeLabel = (code: IdType) => ID_TYPE_LABELS[code]({}, zh);
export const levelLabel = (code: SkillLevel) => LEVEL_LABELS[code]({}, zh);

const GENDERS = vocabulary(['female', 'male'] as const, (code, options) => GENDER_LABELS[code]({}, options));
GENDERS.set('f', 'female');
GENDERS.set('m', 'male');
GENDERS.set('女性', 'female');
GENDERS.set('男性', 'male');
const ID_TYPE_WORDS = vocabulary(ID_TYPES, (code, options) => ID_TYPE_LABELS[code]({}, options));
ID_TYPE_WORDS.set('身份证', 'resident_id');
const LEVEL_WORDS = vocabulary(SKILL_LEVELS, (code, options) => LEVEL_LABELS[code]({}, options));
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '队长', 'leader']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

export const readGender = (cell: string) => GENDERS.get(cell.trim().toLowerCase());
export const readIdType = (cell: string) => ID_TYPE_WORDS.get(cell.trim().toLowerCase());
export const readLevel = (cell: string) => LEVEL_WORDS.get(cell.trim().toLowerCase());
export function readYesNo(cell: string): boolean | undefined {
	const word = cell.trim().toLowerCase();
	return YES.has(word) ? true : NO.has(word) ? false : undefined;
}

export const YES_WORD = '是';
export const NO_WORD = '否';

// English headers are accepted as well, for lists made from the English instructions.
const ENGLISH_HEADERS: Record<BaseColumnKey, string> = {
	name: 'name',
	gender: 'gender',
	idType: 'id type',
	idNumber: 'id number',
	phone: 'mobile',
	unit: 'unit',
	trade: 'trade',
	level: 'skill level',
	event: 'event',
	teamName: 'team name',
	leader: 'team leader'
};

/** The columns for a competition's events and registration fields, in the template's order. */
export function importColumns(events: ImportEvent[], fields: ExtraFieldDefinition[]): ImportColumn[] {
	const columns: ImportColumn[] = [
		{ key: 'name', header: '姓名', required: true, text: false, width: 12, explain: m.import_explain_name },
		{ key: 'gender', header: '性别', required: true, text: false, width: 8, choices: [genderLabel('male'), genderLabel('female')], explain: m.import_explain_gender },
		{ key: 'idType', header: '证件类型', required: false, text: false, width: 22, choices: ID_TYPES.map(idTypeLabel), explain: m.import_explain_id_type },
		{ key: 'idNumber', header: '证件号码', required: true, text: true, width: 22, explain: m.import_explain_id_number },
		{ key: 'phone', header: '手机号码', required: true, text: true, width: 14, explain: m.import_explain_phone },
		{ key: 'unit', header: '单位', required: true, text: false, width: 24, explain: m.import_explain_unit },
		{ key: 'trade', header: '工种', required: false, text: false, width: 12, explain: m.import_explain_trade },
		{ key: 'level', header: '技能等级', required: false, text: false, width: 12, choices: SKILL_LEVELS.map(levelLabel), explain: m.import_explain_level },
		{ key: 'event', header: '报名项目', required: events.length > 1, text: false, width: 20, choices: events.map((event) => event.name), explain: m.import_explain_event }
	];
	if (events.some((event) => event.participation === 'team')) {
		columns.push(
			{ key: 'teamName', header: '团体名称', required: false, text: true, width: 18, explain: m.import_explain_team_name },
			{ key: 'leader', header: '是否队长', required: false, text: false, width: 10, choices: [YES_WORD, NO_WORD], explain: m.import_explain_leader }
		);
	}
	const taken = new Set(columns.map((column) => column.header));
	for (const field of fields) {
		if (field.kind === 'file') continue;
		// A field labelled like a base column (or another field) keeps its own header by its key.
		const header = taken.has(field.label) ? `${field.label}（${field.key}）` : field.label;
		taken.add(header);
		columns.push({
			key: `extra.${field.key}`,
			header,
			required: field.required,
			text: field.kind === 'text' || field.kind === 'number',
			choices: field.kind === 'choice' ? field.options : undefined,
			width: Math.min(40, Math.max(12, header.length * 2 + 2)),
			explain: () => extraExplanation(field)
		});
	}
	return columns;
}

function extraExplanation(field: ExtraFieldDefinition): string {
	switch (field.kind) {
		case 'number':
			return m.import_explain_extra_number();
		case 'date':
			return m.import_explain_extra_date();
		case 'choice':
			return m.import_explain_extra_choice();
		case 'multi_choice':
			return m.import_explain_extra_multi_choice({ options: field.options.join('、') });
		default:
			return m.import_explain_extra_text();
	}
}

/** A header cell as people write it: spaces, a required star or a note in brackets do not matter. */
function normaliseHeader(text: string): string {
	return text
		.replace(/[（(][^）)]*[）)]\s*$/, '')
		.replace(/[*＊\s\u3000]/g, '')
		.toLowerCase();
}

/** Which column each cell of a header row is (null: a column we do not read, e.g. 序号). */
export function matchHeaders(cells: string[], columns: ImportColumn[]): (ColumnKey | null)[] {
	const exact = new Map<string, ColumnKey>();
	const loose = new Map<string, ColumnKey>();
	for (const column of columns) {
		exact.set(column.header.trim().toLowerCase(), column.key);
		const english = ENGLISH_HEADERS[column.key as BaseColumnKey];
		for (const header of english ? [column.header, english] : [column.header]) {
			if (!loose.has(normaliseHeader(header))) loose.set(normaliseHeader(header), column.key);
		}
	}
	const seen = new Set<ColumnKey>();
	return cells.map((cell) => {
		const key = exact.get(cell.trim().toLowerCase()) ?? loose.get(normaliseHeader(cell)) ?? null;
		if (!key || seen.has(key)) return null;
		seen.add(key);
		return key;
	});
}

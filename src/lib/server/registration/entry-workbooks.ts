import { m } from '$lib/paraglide/messages.js';
import type { IdType } from '$lib/domain/identity/id-number';
import { maskPhone } from '$lib/domain/identity/id-number';
import type { EntryStatus } from '$lib/domain/registration/places';
import type { SkillLevel } from '$lib/schemas/entry';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { decryptText } from '../crypto/personal-data';
import { getCompetition } from '../competitions/competition-queries';
import { writeWorkbook, type ColumnSpec } from '../workbooks/xlsx';
import { listExtraFieldDefinitions, listRegistrationEvents } from './entry-queries';
import { listEntriesForExport } from './import-queries';
import { genderLabel, idTypeLabel, importColumns, levelLabel, NO_WORD, YES_WORD } from './import-columns';

/** The competition's template and its entry list as xlsx files (see workbooks/xlsx.ts for why text cells only). */

export interface WorkbookFile {
	filename: string;
	bytes: Buffer;
}

/** Rows of the template that carry the drop-down lists and the text format. */
const TEMPLATE_ROWS = 2000;

async function loadLayout(actor: OrgActor, competitionId: string) {
	requireRole(actor, MANAGER_ROLES);
	const organisationId = actor.organisation.id;
	const competition = await getCompetition(db(), organisationId, competitionId);
	if (!competition) throw new DomainError('not_found');
	const [events, fields] = await Promise.all([listRegistrationEvents(db(), organisationId, competitionId), listExtraFieldDefinitions(db(), organisationId, competitionId)]);
	return { competition, events, fields, columns: importColumns(events, fields) };
}

/** A file name safe on every system: the title without path or control characters. */
function fileName(title: string, suffix: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are what is removed
	return `${title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80)}-${suffix}.xlsx`;
}

/** The template: headers, drop-down lists, text-formatted ID and phone columns, and instructions in the reader's language. */
export async function buildTemplate(actor: OrgActor, competitionId: string): Promise<WorkbookFile> {
	const { competition, columns } = await loadLayout(actor, competitionId);
	const bytes = await writeWorkbook({
		sheets: [{ name: m.import_entries_sheet({}, { locale: 'zh-CN' }), columns: columns.map(({ header, width, text, choices }) => ({ header, width, text, choices })), rows: [], preparedRows: TEMPLATE_ROWS }],
		notes: {
			name: m.import_instructions_sheet(),
			widths: [20, 12, 90],
			lines: [
				[m.import_instructions_column(), m.import_instructions_required(), m.import_instructions_explanation()],
				...columns.map((column) => [column.header, column.required ? m.import_instructions_yes() : m.import_instructions_no(), column.explain()]),
				[],
				['', '', m.import_instructions_intro()]
			]
		}
	});
	return { filename: fileName(competition.title, '报名模板'), bytes };
}

const STATUS_LABELS: Record<EntryStatus, () => string> = {
	submitted: m.entries_status_submitted,
	approved: m.entries_status_approved,
	rejected: m.entries_status_rejected,
	waitlisted: m.entries_status_waitlisted,
	withdrawn: m.entries_status_withdrawn
};

/** "2026-03-05 14:07" in Asia/Shanghai, as text (exceljs would write a Date as UTC). */
function shanghaiTime(date: Date): string {
	return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Every entry's people, one row each: full for organisers (ID numbers decrypted, which is audited),
 * or masked (330523********1234, 138****5678) for anything published. The columns follow the
 * template, so a corrected full export can be imported again.
 */
export async function buildExport(actor: OrgActor, competitionId: string, options: { masked: boolean }): Promise<WorkbookFile> {
	const { competition, events, fields, columns } = await loadLayout(actor, competitionId);
	const rows = await listEntriesForExport(db(), actor.organisation.id, competitionId, options);
	const hasTeams = events.some((event) => event.participation === 'team');
	const extraFields = fields.filter((field) => field.kind !== 'file');
	const header = (key: string) => columns.find((column) => column.key === key)!;
	const specs: ColumnSpec[] = [
		{ header: '序号', width: 7 },
		...(['event', ...(hasTeams ? ['teamName', 'leader'] : []), 'name', 'gender', 'idType', 'idNumber', 'phone', 'unit', 'trade', 'level'] as const).map((key) => {
			const column = header(key);
			return { header: column.header, width: column.width, text: true };
		}),
		...extraFields.map((field) => ({ header: header(`extra.${field.key}`).header, width: header(`extra.${field.key}`).width, text: true })),
		{ header: '状态', width: 10, text: true },
		{ header: '报名时间', width: 18, text: true }
	];
	let serial = 0;
	const data = rows.map((row) => {
		if (row.position === 0) serial += 1;
		const extra = extraFields.map((field) => {
			const value = row.extra[field.key];
			return value === undefined ? '' : Array.isArray(value) ? value.join('、') : String(value);
		});
		return [
			String(serial),
			row.eventName,
			...(hasTeams ? [row.teamName ?? '', row.teamName === null ? '' : row.position === 0 ? YES_WORD : NO_WORD] : []),
			row.name,
			genderLabel(row.gender),
			idTypeLabel(row.idType as IdType),
			options.masked || row.idNumberCipher === null ? row.idNumberMasked : decryptText(row.idNumberCipher),
			options.masked ? maskPhone(row.phone) : row.phone,
			row.unit,
			row.trade,
			row.level ? levelLabel(row.level as SkillLevel) : '',
			...extra,
			STATUS_LABELS[row.status](),
			shanghaiTime(row.createdAt)
		];
	});
	const bytes = await writeWorkbook({ sheets: [{ name: m.import_entries_sheet({}, { locale: 'zh-CN' }), columns: specs, rows: data }] });
	if (!options.masked) {
		await recordAudit(db(), actor, {
			action: 'entries.exported',
			subjectType: 'competition',
			subjectId: competitionId,
			subjectLabel: competition.title,
			after: { masked: false, people: rows.length }
		});
	}
	return { filename: fileName(competition.title, options.masked ? '报名名单-公示' : '报名名单'), bytes };
}

/** The answer that downloads a workbook. */
export function workbookResponse(file: WorkbookFile): Response {
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="entries.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
			'x-content-type-options': 'nosniff'
		}
	});
}

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { residentIdNumber } from '../../../../tests/fixtures/people';
import { importColumns } from '../registration/import-columns';
import { parseTable } from '../registration/import-rows';
import { loadWorkbookForInspection, readFirstSheet, streamFirstSheet, UnreadableWorkbookError, writeWorkbook } from './xlsx';

describe('workbooks', () => {
	it('writes text cells, a frozen header, drop-down lists on a hidden sheet and text-formatted columns', async () => {
		const bytes = await writeWorkbook({
			sheets: [{ name: '报名名单', columns: [{ header: '姓名', width: 10 }, { header: '性别', width: 6, choices: ['男', '女'] }, { header: '证件号码', width: 22, text: true }], rows: [['张三', '男', '330523198503120011']], preparedRows: 10 }],
			notes: { name: '填写说明', widths: [10, 50], lines: [['列', '说明']] }
		});
		const workbook = await loadWorkbookForInspection(bytes);
		expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([['报名名单', 'visible'], ['_lists', 'hidden'], ['填写说明', 'visible']]);
		const sheet = workbook.getWorksheet('报名名单')!;
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.getCell('C2').value).toBe('330523198503120011');
		expect(sheet.getCell('C5').numFmt).toBe('@');
		expect(sheet.getCell('B7').dataValidation).toMatchObject({ type: 'list', formulae: ["'_lists'!$A$1:$A$2"] });
	});

	it('reads every kind of cell as the text a person sees, skipping empty rows', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('名单');
		sheet.addRow(['姓名', '证件号码', '日期', '备注']);
		// What Excel stores when an ID number is typed into a number cell: its last digits are gone.
		sheet.addRow([{ richText: [{ text: '张' }, { text: '三' }] }, Number('330523198503120011'), new Date(Date.UTC(2024, 2, 5)), { formula: '1+1', result: 2 }]);
		sheet.addRow([]);
		sheet.addRow(['李四', '  330523198503120011 ', null, true]);
		const rows = await readFirstSheet(await workbook.xlsx.writeBuffer());
		expect(rows).toEqual([
			{ rowNumber: 1, cells: ['姓名', '证件号码', '日期', '备注'] },
			// A number typed into Excel has lost its last digits already: the ID check will say so.
			{ rowNumber: 2, cells: ['张三', '330523198503120000', '2024-03-05', '2'] },
			{ rowNumber: 4, cells: ['李四', '330523198503120011', '', 'TRUE'] }
		]);
	});

	it('hands out the first sheet a chunk at a time, in order, while the rest is still read', async () => {
		const bytes = await writeWorkbook({ sheets: [{ name: '名单', columns: [{ header: '姓名', width: 10 }], rows: Array.from({ length: 24 }, (_, index) => [`选手${index + 1}`]) }] });
		const chunks: number[][] = [];
		for await (const chunk of streamFirstSheet(bytes, 10)) chunks.push(chunk.map((row) => row.rowNumber));
		expect(chunks.map((chunk) => chunk.length)).toEqual([10, 10, 5]);
		expect(chunks.flat()).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
	});

	it('refuses what is not an xlsx workbook', async () => {
		await expect(readFirstSheet(new TextEncoder().encode('姓名,性别\n张三,男'))).rejects.toBeInstanceOf(UnreadableWorkbookError);
		await expect(readFirstSheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toBeInstanceOf(UnreadableWorkbookError);
	});

	it('a workbook with three bad rows gives exactly those three problems at their rows and columns', async () => {
		const events = [{ id: '00000000-0000-4000-8000-000000000001', name: '数控车工', participation: 'individual' as const }];
		const columns = importColumns(events, []);
		const rows = Array.from({ length: 30 }, (_, index) => {
			const n = index + 1;
			const values: Record<string, string> = { name: `选手${n}`, gender: '男', idNumber: residentIdNumber(n, { gender: 'male' }), phone: `139${String(n).padStart(8, '0')}`, unit: '县机械厂', event: '数控车工' };
			if (n === 4) values.idNumber = '33052319850312001';
			if (n === 11) values.unit = '';
			if (n === 27) values.level = '特级工';
			return columns.map((column) => values[column.key] ?? '');
		});
		const bytes = await writeWorkbook({ sheets: [{ name: '报名名单', columns: columns.map(({ header, width, text }) => ({ header, width, text })), rows }] });
		const parsed = parseTable(await readFirstSheet(bytes), { columns, events, fields: [], allowMultipleEvents: true, header: 'required' });
		expect(parsed.problems.map(({ row, column }) => `${row} ${column}`)).toEqual(['5 证件号码', '12 单位', '28 技能等级']);
	});
});

import { mkdtempSync, rmSync, watch } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWorkbookForInspection, readFirstSheet, writeWorkbook } from './xlsx';
import { sheetsLast } from './zip-order';

/** A zip's local headers front to back (the order a streaming reader meets its parts): name and flags. */
function localHeaders(zip: Buffer): { name: string; flags: number }[] {
	const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
	const headers: { name: string; flags: number }[] = [];
	for (let at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 4)) {
		headers.push({ name: zip.toString('utf8', at + 30, at + 30 + zip.readUInt16LE(at + 26)), flags: zip.readUInt16LE(at + 6) });
	}
	return headers;
}

const partsInOrder = (zip: Buffer) => localHeaders(zip).map((header) => header.name);

const people = Array.from({ length: 300 }, (_, index) => [`选手${index + 1}`, `33052319850312${String(index).padStart(4, '0')}`]);

async function listWorkbook(): Promise<Buffer> {
	return writeWorkbook({ sheets: [{ name: '名单', columns: [{ header: '姓名', width: 10 }, { header: '证件号码', width: 22, text: true }], rows: people }] });
}

/** A workbook whose cells hold their own text (no shared strings), as exceljs's streaming writer makes. */
async function inlineStringsWorkbook(): Promise<Buffer> {
	const sink = new PassThrough();
	const chunks: Buffer[] = [];
	sink.on('data', (chunk: Buffer) => chunks.push(chunk));
	const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
	const sheet = writer.addWorksheet('名单');
	sheet.addRow(['姓名', '证件号码']).commit();
	for (const row of people) sheet.addRow(row).commit();
	await writer.commit();
	return Buffer.concat(chunks);
}

describe('sheetsLast', () => {
	let temporary: string;
	let previous: string | undefined;
	beforeEach(() => {
		previous = process.env.TMPDIR;
		temporary = mkdtempSync(path.join(os.tmpdir(), 'jiangxin-zip-order-'));
		process.env.TMPDIR = temporary;
	});
	afterEach(() => {
		if (previous === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = previous;
		rmSync(temporary, { recursive: true, force: true });
	});

	/** Files created in the temporary directory while `read` runs (exceljs removes its own afterwards). */
	async function filesCreatedWhile(read: () => Promise<unknown>): Promise<number> {
		let created = 0;
		const watcher = watch(temporary, () => created++);
		try {
			await read();
			await new Promise((resolve) => setTimeout(resolve, 50));
		} finally {
			watcher.close();
		}
		return created;
	}

	it('moves the sheets behind the shared strings, styles and workbook, and the workbook still opens whole', async () => {
		const original = await listWorkbook();
		expect(partsInOrder(original).indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(partsInOrder(original).indexOf('xl/sharedStrings.xml'));
		const reordered = sheetsLast(original);
		const order = partsInOrder(reordered);
		expect(order.slice(-1)).toEqual(['xl/worksheets/sheet1.xml']);
		expect([...order].sort()).toEqual([...partsInOrder(original)].sort());
		// A reader that goes by the central directory (not front to back) finds every part where it now is.
		const sheet = (await loadWorkbookForInspection(reordered)).worksheets[0]!;
		expect(sheet.getCell('B301').value).toBe(people[299]![1]);
		expect(sheetsLast(reordered)).toBe(reordered);
	});

	it('lets the import read a sheet without copying it to a temporary file first', async () => {
		const bytes = await listWorkbook();
		const plain = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { worksheets: 'emit', sharedStrings: 'cache' });
		// What exceljs does with the file as Excel and exceljs lay it out: the sheet goes to disk first.
		expect(await filesCreatedWhile(async () => { for await (const sheet of plain) for await (const _ of sheet); })).toBeGreaterThan(0);
		let rows: Awaited<ReturnType<typeof readFirstSheet>> = [];
		expect(await filesCreatedWhile(async () => (rows = await readFirstSheet(bytes)))).toBe(0);
		expect(rows.slice(-1)).toEqual([{ rowNumber: 301, cells: people[299] }]);
	});

	it('gives a workbook without shared strings an empty part, so its sheet is not copied to disk either', async () => {
		const bytes = await inlineStringsWorkbook();
		expect(partsInOrder(bytes)).not.toContain('xl/sharedStrings.xml');
		// A streaming zip writer's parts end in data descriptors (flag bit 3): moved whole, with them.
		expect(localHeaders(bytes).every((header) => (header.flags & 0x08) !== 0)).toBe(true);
		expect(partsInOrder(sheetsLast(bytes))).toContain('xl/sharedStrings.xml');
		let rows: Awaited<ReturnType<typeof readFirstSheet>> = [];
		expect(await filesCreatedWhile(async () => (rows = await readFirstSheet(bytes)))).toBe(0);
		expect(rows).toHaveLength(301);
		expect(rows[1]).toEqual({ rowNumber: 2, cells: people[0] });
	});

	it('leaves alone what it does not understand', () => {
		const text = Buffer.from('姓名,性别\n张三,男');
		expect(sheetsLast(text)).toBe(text);
		const truncated = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
		expect(sheetsLast(truncated)).toBe(truncated);
		const endOnly = Buffer.alloc(22);
		endOnly.writeUInt32LE(0x06054b50, 0);
		endOnly.writeUInt16LE(3, 10);
		endOnly.writeUInt32LE(1000, 16);
		expect(sheetsLast(endOnly)).toBe(endOnly);
	});
});

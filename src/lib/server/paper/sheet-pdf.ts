import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Blind paper score sheets (纸质评分表) for one judge: a page per scored component with the entries by
 * number only, a box per criterion and deduction item, and lines for the judge's and the head judge's
 * signatures. Text is set in Noto Sans Hans (embedded and subset by pdfkit, so it stays selectable).
 */

export interface PaperSheetText {
	title: string;
	subtitle: string;
	judgeLine: string;
	componentLine: (component: string) => string;
	numberHeader: string;
	maxLabel: (max: string) => string;
	deductionLabel: (points: string) => string;
	judgeSignature: string;
	headSignature: string;
	dateLine: string;
	instructions: string;
}

export interface PaperSheetComponent {
	label: string;
	criteria: { label: string; max: string }[];
	deductions: { label: string; points: string }[];
	/** Entry numbers, in order (never names). */
	numbers: (number | null)[];
}

let fontPath: string | undefined;

/** The font file from node_modules (its package exports no path, so it is found beside its entry point). */
export function chineseFontPath(): string {
	if (fontPath) return fontPath;
	const candidates = [path.resolve('node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf')];
	try {
		const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
		candidates.unshift(path.resolve(path.dirname(entry), '../fonts/NotoSansHans-Regular.otf'));
	} catch {
		// Bundled without the package beside it: the working directory's node_modules will do.
	}
	fontPath = candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
	return fontPath;
}

const PAGE = { size: 'A4' as const, layout: 'landscape' as const, margin: 36 };
const ROW_HEIGHT = 26;

export async function renderPaperSheets(text: PaperSheetText, components: PaperSheetComponent[]): Promise<Buffer> {
	const doc = new PDFDocument({ ...PAGE, autoFirstPage: false, info: { Title: `${text.title} · ${text.subtitle}`, Creator: 'Jiangxin' } });
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
	doc.registerFont('sc', chineseFontPath());
	for (const component of components) drawComponent(doc, text, component);
	if (components.length === 0) {
		doc.addPage(PAGE).font('sc');
		header(doc, text, '');
	}
	doc.end();
	await done;
	return Buffer.concat(chunks);
}

function header(doc: PDFKit.PDFDocument, text: PaperSheetText, component: string): void {
	doc.font('sc').fontSize(16).text(text.title, { align: 'center' });
	doc.fontSize(11).text(text.subtitle, { align: 'center' });
	doc.moveDown(0.3).fontSize(10).text(`${text.judgeLine}    ${component ? text.componentLine(component) : ''}`);
	doc.fontSize(8).fillColor('#444').text(text.instructions).fillColor('#000').moveDown(0.4);
}

function drawComponent(doc: PDFKit.PDFDocument, text: PaperSheetText, component: PaperSheetComponent): void {
	const columns = [
		...component.criteria.map((criterion) => `${criterion.label}\n${text.maxLabel(criterion.max)}`),
		...component.deductions.map((item) => `${item.label}\n${text.deductionLabel(item.points)}`)
	];
	const left = PAGE.margin;
	const usable = doc.page ? doc.page.width - 2 * PAGE.margin : 842 - 2 * PAGE.margin;
	const numberWidth = 56;
	const cellWidth = columns.length > 0 ? (usable - numberWidth) / columns.length : usable - numberWidth;
	const numbers = component.numbers.length > 0 ? component.numbers : [null];
	let index = 0;
	while (index < numbers.length) {
		doc.addPage(PAGE);
		header(doc, text, component.label);
		let y = doc.y;
		const headHeight = 34;
		doc.fontSize(8);
		doc.rect(left, y, numberWidth, headHeight).stroke();
		doc.text(text.numberHeader, left + 3, y + 4, { width: numberWidth - 6 });
		columns.forEach((column, at) => {
			const x = left + numberWidth + at * cellWidth;
			doc.rect(x, y, cellWidth, headHeight).stroke();
			doc.text(column, x + 3, y + 3, { width: cellWidth - 6, height: headHeight - 4, ellipsis: true });
		});
		y += headHeight;
		const bottom = doc.page.height - PAGE.margin - 60;
		doc.fontSize(12);
		while (index < numbers.length && y + ROW_HEIGHT <= bottom) {
			const number = numbers[index++];
			doc.rect(left, y, numberWidth, ROW_HEIGHT).stroke();
			doc.text(number === null ? '' : String(number), left + 4, y + 6, { width: numberWidth - 8, align: 'center' });
			columns.forEach((_column, at) => doc.rect(left + numberWidth + at * cellWidth, y, cellWidth, ROW_HEIGHT).stroke());
			y += ROW_HEIGHT;
		}
		signatures(doc, text, bottom + 24);
	}
}

function signatures(doc: PDFKit.PDFDocument, text: PaperSheetText, y: number): void {
	const left = PAGE.margin;
	doc.fontSize(10);
	const parts = [text.judgeSignature, text.headSignature, text.dateLine];
	const width = (doc.page.width - 2 * PAGE.margin) / parts.length;
	parts.forEach((label, at) => {
		const x = left + at * width;
		doc.text(label, x, y, { lineBreak: false });
		const lineStart = x + doc.widthOfString(label) + 6;
		doc.moveTo(lineStart, y + 12).lineTo(x + width - 16, y + 12).stroke();
	});
}

import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { fillWording, type CertificateFacts } from '$lib/domain/certificates/wording';
import { chineseFontPath } from '../paper/sheet-pdf';

/**
 * Certificates as PDF (pdfkit): the wording in Noto Sans Hans, embedded and subset by pdfkit so the
 * Chinese stays real text (selectable, searchable, found by pdftotext); a vector QR code to the public
 * verification page; the organiser's seal image when there is one. Pages are written one at a time
 * into the document's stream, so a thousand certificates never sit in memory at once.
 */

export interface CertificateLayout {
	orientation: 'landscape' | 'portrait';
	title: string;
	organiserLine: string;
	body: string;
	/** The seal as PNG or JPEG bytes. */
	seal: Buffer | null;
}

export interface CertificatePrint extends CertificateFacts {
	serial: string;
	/** The date as printed (already in words: 2026年5月1日). */
	dateText: string;
	verifyUrl: string;
	revoked: boolean;
}

export interface CertificateLabels {
	serial: string;
	scanToVerify: string;
	revoked: string;
}

/** pdfkit's opened image (its types leave openImage out): embedded once however many pages use it. */
type OpenedImage = { width: number; height: number };

let fontBytes: Buffer | undefined;
/** Read once per process: each document then subsets only the glyphs it uses. */
export function certificateFont(): Buffer {
	fontBytes ??= readFileSync(chineseFontPath());
	return fontBytes;
}

export function newCertificateDocument(layout: Pick<CertificateLayout, 'orientation' | 'title'>): PDFKit.PDFDocument {
	const doc = new PDFDocument({ size: 'A4', layout: layout.orientation, autoFirstPage: false, info: { Title: layout.title, Creator: 'Jiangxin' } });
	doc.registerFont('sc', certificateFont());
	return doc;
}

/** Draws the certificates onto new pages of `doc`, calling `onPage` after each (for progress). */
export async function drawCertificates(doc: PDFKit.PDFDocument, layout: CertificateLayout, prints: Iterable<CertificatePrint>, labels: CertificateLabels, onPage?: () => Promise<void> | void): Promise<void> {
	// Opened once per document: pdfkit embeds it once and every page refers to it.
	const seal = layout.seal ? (doc as unknown as { openImage(source: Buffer): OpenedImage }).openImage(layout.seal) : null;
	for (const print of prints) {
		drawCertificate(doc, layout, print, labels, seal);
		await onPage?.();
	}
}

function drawCertificate(doc: PDFKit.PDFDocument, layout: CertificateLayout, print: CertificatePrint, labels: CertificateLabels, seal: OpenedImage | null): void {
	doc.addPage({ size: 'A4', layout: layout.orientation, margin: 0 });
	const width = doc.page.width;
	const height = doc.page.height;
	const landscape = layout.orientation === 'landscape';
	const margin = landscape ? 64 : 56;
	const inner = width - margin * 2 - 40;
	doc.lineWidth(3).strokeColor('#a16207').rect(24, 24, width - 48, height - 48).stroke();
	doc.lineWidth(1).rect(32, 32, width - 64, height - 64).stroke();

	doc.font('sc').fillColor('#7f1d1d').fontSize(landscape ? 40 : 36);
	doc.text(layout.title, margin, landscape ? 70 : 110, { width: width - margin * 2, align: 'center', characterSpacing: 8, lineBreak: false });

	const bodyTop = landscape ? 170 : 250;
	doc.fillColor('#111').fontSize(22).text(`${print.name}：`, margin + 20, bodyTop, { width: inner, lineBreak: false });
	doc.fontSize(17).text(fillWording(layout.body, print), margin + 20, bodyTop + 46, { width: inner, lineGap: 8, indent: 34 });

	const footerTop = height - (landscape ? 170 : 230);
	const rightX = width - margin - 260;
	if (seal) doc.image(seal as unknown as Buffer, rightX + 70, footerTop - 30, { fit: [120, 120] });
	doc.fontSize(15).text(layout.organiserLine, rightX, footerTop + 20, { width: 260, align: 'center' });
	doc.text(print.dateText, rightX, footerTop + 50, { width: 260, align: 'center', lineBreak: false });

	drawQr(doc, print.verifyUrl, margin, footerTop - 10, 88);
	doc.fontSize(9).fillColor('#444').text(labels.scanToVerify, margin, footerTop + 82, { width: 160, lineBreak: false });
	doc.text(`${labels.serial}${print.serial}`, margin, footerTop + 96, { width: 220, lineBreak: false });
	if (print.revoked) {
		doc.fillColor('#b91c1c').fontSize(48).text(labels.revoked, 0, height / 2 - 30, { width, align: 'center', lineBreak: false });
	}
	doc.fillColor('#000');
}

/**
 * A QR code as filled rectangles, one per horizontal run of dark modules, written as raw path
 * operators (vector: sharp at any size, a few hundred bytes a page). The mask pattern is fixed: every
 * mask gives a valid symbol, and choosing the best of eight cost ~4 ms a code — four times the rest of
 * a certificate (bench/certificates.bench.ts).
 */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
	// One byte-mode segment: the library's search for the best mix of modes costs more than it saves on a URL.
	const { modules } = QRCode.create([{ data: Buffer.from(url), mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 2 });
	const cell = size / (modules.size + 2);
	// Drawn in module units (integers: short to write, short to compress), scaled into place by `cm`.
	let ops = `q ${cell.toFixed(4)} 0 0 ${cell.toFixed(4)} ${x.toFixed(2)} ${y.toFixed(2)} cm\n`;
	for (let row = 0; row < modules.size; row++) {
		let column = 0;
		while (column < modules.size) {
			if (!modules.get(row, column)) {
				column++;
				continue;
			}
			const start = column;
			while (column < modules.size && modules.get(row, column)) column++;
			ops += `${start + 1} ${row + 1} ${column - start} 1 re\n`;
		}
	}
	doc.fillColor('#000');
	doc.addContent(`${ops}f Q`);
}

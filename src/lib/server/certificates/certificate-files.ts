import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import archiver from 'archiver';
import { m } from '$lib/paraglide/messages.js';
import { db } from '../db/client';
import type { Actor, OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { DomainError } from '../domain-error';
import { stateDir } from '../storage/state-dir';
import { loadCompetition } from '../competitions/guards';
import { drawCertificates, newCertificateDocument, type CertificateLabels, type CertificateLayout, type CertificatePrint } from './certificate-pdf';
import { listCertificates, recordBundleProgress, startBundleProgress, getBundleProgress, type CertificateRow } from './certificate-queries';
import { templateOf, loadCertificate, loadMyCertificate } from './certificate-service';
import { ensureCertificateTemplate, type CertificateTemplateRow } from './template-queries';

/** The most certificates one bulk download renders (a competition of the seeds' size has a few hundred). */
export const BUNDLE_MAX = 5000;
/** How often (in certificates) a bulk download writes its progress for the page's poll. */
const PROGRESS_EVERY = 10;

export function sealsDir(): string {
	return path.join(stateDir(), 'uploads', 'certificate-seals');
}

export async function layoutOf(template: CertificateTemplateRow): Promise<CertificateLayout> {
	const seal = template.sealStorageKey ? await fs.readFile(path.join(sealsDir(), template.sealStorageKey)).catch(() => null) : null;
	return { orientation: template.orientation, title: template.title, organiserLine: template.organiserLine, body: template.body, seal };
}

export function certificateLabels(): CertificateLabels {
	return { serial: m.certificates_pdf_serial(), scanToVerify: m.certificates_pdf_scan(), revoked: m.certificates_pdf_revoked() };
}

/** A calendar date in Chinese words (2026年5月1日), as certificates print it. */
export function dateInWords(date: string): string {
	return new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function printOf(certificate: CertificateRow, template: Pick<CertificateTemplateRow, 'printedOn'>, origin: string): CertificatePrint {
	return {
		name: certificate.holderName,
		award: certificate.awardLabel,
		event: certificate.eventName,
		competition: certificate.competitionTitle,
		unit: certificate.unit,
		serial: certificate.serial,
		dateText: dateInWords(template.printedOn ?? certificate.issuedOn),
		verifyUrl: `${origin}/verify/${certificate.verificationCode}`,
		revoked: certificate.revokedAt !== null
	};
}

/** Renders a whole PDF into memory (one certificate or a preview: a few tens of kilobytes). */
export async function renderPdf(layout: CertificateLayout, prints: CertificatePrint[]): Promise<Buffer> {
	const doc = newCertificateDocument(layout);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
	await drawCertificates(doc, layout, prints, certificateLabels());
	doc.end();
	await done;
	return Buffer.concat(chunks);
}

export interface CertificateFile {
	fileName: string;
	bytes: Buffer;
}

async function fileOf(organisationId: string, certificate: CertificateRow, origin: string, actor: OrgActor | null): Promise<CertificateFile> {
	const template = actor ? await templateOf(db(), actor, certificate.competitionId) : await templateForContestant(organisationId, certificate.competitionId);
	return { fileName: `${certificate.serial}-${certificate.holderName}.pdf`, bytes: await renderPdf(await layoutOf(template), [printOf(certificate, template, origin)]) };
}

async function templateForContestant(organisationId: string, competitionId: string): Promise<CertificateTemplateRow> {
	const template = await ensureCertificateTemplate(db(), organisationId, competitionId);
	if (!template) throw new DomainError('not_found');
	return template;
}

/** One certificate's PDF for the organisers. */
export async function certificatePdf(actor: OrgActor, certificateId: string, origin: string, competitionId?: string): Promise<CertificateFile> {
	const certificate = await loadCertificate(actor, certificateId);
	if (competitionId && certificate.competitionId !== competitionId) throw new DomainError('not_found');
	return fileOf(actor.organisation.id, certificate, origin, actor);
}

/** A contestant's own certificate; another's is not_found. */
export async function myCertificatePdf(actor: Actor, certificateId: string, origin: string): Promise<CertificateFile> {
	const certificate = await loadMyCertificate(actor, certificateId);
	return fileOf(certificate.organisationId, certificate, origin, null);
}

export type BundleFormat = 'pdf' | 'zip';

/**
 * Every certificate of the competition as one PDF (a page each) or a zip of PDFs, streamed while it
 * renders: the first bytes leave before the last certificate is drawn. With a progress id, how many
 * are done is written every few certificates for the page's progress bar.
 */
export async function certificateBundle(actor: OrgActor, competitionId: string, format: BundleFormat, origin: string, progressId: string | null): Promise<{ fileName: string; type: string; stream: ReadableStream<Uint8Array> }> {
	requireRole(actor, MANAGER_ROLES);
	const competition = await loadCompetition(db(), actor, competitionId);
	const [template, certificates] = await Promise.all([templateOf(db(), actor, competition.id), listCertificates(db(), actor.organisation.id, competition.id)]);
	if (certificates.length > BUNDLE_MAX) throw new DomainError('certificate_bundle_too_large', { max: BUNDLE_MAX });
	const layout = await layoutOf(template);
	const prints = certificates.map((certificate) => printOf(certificate, template, origin));
	if (progressId) await startBundleProgress(db(), actor.organisation.id, competition.id, progressId, prints.length);
	let done = 0;
	const progress = async () => {
		done += 1;
		if (progressId && (done % PROGRESS_EVERY === 0 || done === prints.length)) await recordBundleProgress(db(), actor.organisation.id, progressId, done, false);
	};
	const finished = () => (progressId ? recordBundleProgress(db(), actor.organisation.id, progressId, done, true) : Promise.resolve());
	const node = format === 'pdf' ? pdfStream(layout, prints, progress, finished) : zipStream(layout, prints, progress, finished);
	return {
		fileName: `${competition.title}-${m.certificates_file_all()}.${format}`,
		type: format === 'pdf' ? 'application/pdf' : 'application/zip',
		stream: Readable.toWeb(node) as ReadableStream<Uint8Array>
	};
}

export function pdfStream(layout: CertificateLayout, prints: CertificatePrint[], onPage: () => Promise<void>, finished: () => Promise<void>): Readable {
	const doc = newCertificateDocument(layout);
	void (async () => {
		await drawCertificates(doc, layout, prints, certificateLabels(), onPage);
		doc.end();
		await finished();
	})().catch((error: unknown) => doc.destroy(error as Error));
	return doc;
}

export function zipStream(layout: CertificateLayout, prints: CertificatePrint[], onPage: () => Promise<void>, finished: () => Promise<void>): Readable {
	// PDFs are compressed already: stored, not deflated again.
	const archive = archiver('zip', { store: true });
	void (async () => {
		for (const print of prints) {
			const bytes = await renderPdf(layout, [print]);
			const entered = new Promise((resolve) => archive.once('entry', resolve));
			archive.append(bytes, { name: `${print.serial}-${print.name}.pdf` });
			await entered;
			await onPage();
		}
		await archive.finalize();
		await finished();
	})().catch((error: unknown) => archive.destroy(error as Error));
	return archive;
}

export async function bundleProgress(actor: OrgActor, competitionId: string, progressId: string): Promise<{ done: number; total: number; finished: boolean }> {
	requireRole(actor, MANAGER_ROLES);
	const progress = await getBundleProgress(db(), actor.organisation.id, competitionId, progressId);
	if (!progress) throw new DomainError('not_found');
	return progress;
}

export function fileResponse(file: { fileName: string; type: string; body: BodyInit }): Response {
	const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
	return new Response(file.body, {
		headers: {
			'content-type': file.type,
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

export const pdfResponse = (file: CertificateFile) => fileResponse({ fileName: file.fileName, type: 'application/pdf', body: new Uint8Array(file.bytes) });

import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { db } from '../db/client';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { DomainError } from '../domain-error';
import { loadCompetition } from '../competitions/guards';
import { formatSerial, shanghaiDate, shanghaiYear } from '$lib/domain/certificates/serial';
import type { CertificateTemplateInput } from '$lib/schemas/certificates';
import { templateOf } from './certificate-service';
import { setCertificateSeal, updateCertificateTemplate, type CertificateTemplateRow } from './template-queries';
import { dateInWords, layoutOf, renderPdf, sealsDir } from './certificate-files';

/** The largest seal image (a scanned stamp is a few hundred kilobytes). */
export const SEAL_MAX_BYTES = 2 * 1024 * 1024;

export interface TemplateView {
	competition: { id: string; title: string };
	template: CertificateTemplateRow;
	/** What the next serial would look like, e.g. AJGJ-2026-0001. */
	serialExample: string;
}

export async function getCertificateTemplate(actor: OrgActor, competitionId: string, now = new Date()): Promise<TemplateView> {
	requireRole(actor, MANAGER_ROLES);
	const competition = await loadCompetition(db(), actor, competitionId);
	const template = await templateOf(db(), actor, competition.id);
	return {
		competition: { id: competition.id, title: competition.title },
		template,
		serialExample: formatSerial({ prefix: template.serialPrefix, width: template.serialWidth }, shanghaiYear(now), 1)
	};
}

/** Saves the wording, layout and serial pattern; certificates already issued keep their serials. Audited. */
export async function saveCertificateTemplate(actor: OrgActor, competitionId: string, input: CertificateTemplateInput): Promise<CertificateTemplateRow> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		const competition = await loadCompetition(tx, actor, competitionId);
		const before = await templateOf(tx, actor, competition.id);
		const saved = await updateCertificateTemplate(tx, actor.organisation.id, competition.id, input, actor.user.id);
		if (!saved) throw new DomainError('not_found');
		const { updatedAt: _before, sealStorageKey: _seal, competitionId: _id, ...was } = before;
		await recordAudit(tx, actor, { action: 'certificates.template_saved', subjectType: 'competition', subjectId: competition.id, subjectLabel: competition.title, before: was, after: input });
		return saved;
	});
}

/**
 * Stores a seal image (PNG or JPEG, sniffed from its bytes) under the data directory, replacing any
 * earlier one, or removes it. A form without a file and without "remove" changes nothing (refused).
 */
export async function saveCertificateSeal(actor: OrgActor, competitionId: string, choice: { file: File | null } | { remove: true }): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	let storageKey: string | null = null;
	if ('file' in choice) {
		const file = choice.file;
		if (!file || file.size === 0 || file.size > SEAL_MAX_BYTES) throw new DomainError('certificate_seal_refused', {}, 'seal');
		const bytes = new Uint8Array(await file.arrayBuffer());
		const sniffed = await fileTypeFromBuffer(bytes);
		if (!sniffed || !['image/png', 'image/jpeg'].includes(sniffed.mime)) throw new DomainError('certificate_seal_refused', {}, 'seal');
		storageKey = `${actor.organisation.id}/${randomUUID()}.${sniffed.ext}`;
		const target = path.join(sealsDir(), storageKey);
		await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
		await fs.writeFile(target, bytes, { mode: 0o600, flag: 'wx' });
	}
	const previous = await db().begin(async (tx) => {
		const competition = await loadCompetition(tx, actor, competitionId);
		await templateOf(tx, actor, competition.id);
		const previous = await setCertificateSeal(tx, actor.organisation.id, competition.id, storageKey, actor.user.id);
		await recordAudit(tx, actor, { action: storageKey ? 'certificates.seal_saved' : 'certificates.seal_removed', subjectType: 'competition', subjectId: competition.id, subjectLabel: competition.title });
		return previous;
	});
	if (previous) await fs.rm(path.join(sealsDir(), previous), { force: true });
}

/** A sample certificate in the saved template, with made-up facts, for the editor's preview. */
export async function previewCertificate(actor: OrgActor, competitionId: string, origin: string, sample: { name: string; award: string; event: string; unit: string }, now = new Date()): Promise<Buffer> {
	const view = await getCertificateTemplate(actor, competitionId, now);
	return renderPdf(await layoutOf(view.template), [
		{
			...sample,
			competition: view.competition.title,
			serial: view.serialExample,
			dateText: dateInWords(view.template.printedOn ?? shanghaiDate(now)),
			verifyUrl: `${origin}/verify/PREVIEW`,
			revoked: false
		}
	]);
}

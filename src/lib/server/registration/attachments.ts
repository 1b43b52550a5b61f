import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { Actor } from '../auth/actor';
import { stateDir } from '../storage/state-dir';
import { getMembership, getOrganisationBySlug } from '../organisations/queries';
import { MANAGER_ROLES } from '../auth/roles';
import { listExtraFieldDefinitions } from './entry-queries';
import { findOwnAttachment, getAttachment, insertAttachment, isJudgeOfCompetition, type AttachmentRow } from './attachment-queries';

/** The largest file a contestant may attach (申报表 scans, photos, evidence). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** What may be attached, decided from the bytes (never from the name or the browser's claim). */
const ALLOWED_TYPES = new Map([
	['application/pdf', 'pdf'],
	['image/jpeg', 'jpg'],
	['image/png', 'png'],
	['image/webp', 'webp']
]);

/** Uploaded files live under the data directory (backed up with the database), never in the web root. */
export function uploadsDir(): string {
	return path.join(stateDir(), 'uploads');
}

/** A file name kept for display and downloads: no path, no control characters, at most 255 characters. */
function cleanName(name: string, extension: string): string {
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return (base || `attachment.${extension}`).slice(0, 255);
}

/**
 * Stores one file for a competition's file field, uploaded by a contestant: size-capped, type sniffed
 * from its content, written under the uploads directory (mode 0600) and recorded, not yet on an entry.
 */
export async function storeAttachment(actor: Actor, competition: { organisationId: string; id: string }, fieldKey: string, file: File): Promise<AttachmentRow> {
	const fields = await listExtraFieldDefinitions(db(), competition.organisationId, competition.id);
	if (!fields.some((field) => field.key === fieldKey && field.kind === 'file')) throw new DomainError('not_found');
	if (file.size > ATTACHMENT_MAX_BYTES) throw new DomainError('attachment_too_large', { megabytes: ATTACHMENT_MAX_BYTES / 1024 / 1024 });
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (bytes.byteLength === 0) throw new DomainError('attachment_type_refused');
	const sniffed = await fileTypeFromBuffer(bytes);
	const extension = sniffed && ALLOWED_TYPES.get(sniffed.mime);
	if (!sniffed || !extension) throw new DomainError('attachment_type_refused');
	const storageKey = `${competition.organisationId}/${randomUUID()}.${extension}`;
	const target = path.join(uploadsDir(), storageKey);
	await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
	await fs.writeFile(target, bytes, { mode: 0o600, flag: 'wx' });
	try {
		return await insertAttachment(db(), competition.organisationId, {
			competitionId: competition.id,
			fieldKey,
			originalName: cleanName(file.name, extension),
			contentType: sniffed.mime,
			sizeBytes: bytes.byteLength,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			storageKey,
			uploadedBy: actor.user.id
		});
	} catch (error) {
		await fs.rm(target, { force: true });
		throw error;
	}
}

/**
 * An attachment for someone of the organisation: its owners and organisers, and judges on a panel of
 * the competition. Anyone else (another organisation, a contestant) finds nothing.
 */
export async function openAttachmentForStaff(actor: Actor, organisationSlug: string, attachmentId: string): Promise<{ row: AttachmentRow; bytes: Buffer }> {
	// Judges need not be members of the organisation: their place on a panel is what counts.
	const organisation = await getOrganisationBySlug(db(), organisationSlug);
	const row = organisation ? await getAttachment(db(), organisation.id, attachmentId) : undefined;
	if (!organisation || !row) throw new DomainError('not_found');
	const membership = await getMembership(db(), actor.user.id, organisationSlug);
	const manager = membership !== undefined && MANAGER_ROLES.includes(membership.role);
	if (!manager && !(await isJudgeOfCompetition(db(), row.organisationId, row.competitionId, actor.user.id))) throw new DomainError('not_found');
	return { row, bytes: await fs.readFile(path.join(uploadsDir(), row.storageKey)) };
}

/** An attachment for the contestant who uploaded it. */
export async function openOwnAttachment(actor: Actor, attachmentId: string): Promise<{ row: AttachmentRow; bytes: Buffer }> {
	const row = await findOwnAttachment(db(), attachmentId, actor.user.id);
	if (!row) throw new DomainError('not_found');
	return { row, bytes: await fs.readFile(path.join(uploadsDir(), row.storageKey)) };
}

/** The answer for a download: the sniffed type, never rendered in our origin, saved under its name. */
export function attachmentResponse(file: { row: AttachmentRow; bytes: Buffer }): Response {
	const fallback = file.row.originalName.replace(/[^\x20-\x7e]|["\\]/g, '_');
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.row.contentType,
			'content-length': String(file.bytes.byteLength),
			'content-disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.row.originalName)}`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': 'sandbox',
			'cache-control': 'private, no-store'
		}
	});
}

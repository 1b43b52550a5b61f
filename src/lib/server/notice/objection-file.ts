import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../domain-error';
import { ATTACHMENT_MAX_BYTES, uploadsDir } from '../registration/attachments';

// An objection's optional file, stored the way registration attachments are: size-capped, type sniffed
// from the bytes (never the name or the browser's claim), under the uploads directory with mode 0600.

const ALLOWED_TYPES = new Map([
	['application/pdf', 'pdf'],
	['image/jpeg', 'jpg'],
	['image/png', 'png'],
	['image/webp', 'webp']
]);

export interface StoredObjectionFile {
	name: string;
	type: string;
	size: number;
	key: string;
}

/** Null for no file (an empty file input sends a nameless, empty File). */
export async function storeObjectionFile(organisationId: string, file: File | null): Promise<StoredObjectionFile | null> {
	if (!file || (file.size === 0 && !file.name)) return null;
	if (file.size > ATTACHMENT_MAX_BYTES) throw new DomainError('attachment_too_large', { megabytes: ATTACHMENT_MAX_BYTES / 1024 / 1024 }, 'attachment');
	const bytes = new Uint8Array(await file.arrayBuffer());
	const sniffed = bytes.byteLength > 0 ? await fileTypeFromBuffer(bytes) : undefined;
	const extension = sniffed && ALLOWED_TYPES.get(sniffed.mime);
	if (!sniffed || !extension) throw new DomainError('attachment_type_refused', {}, 'attachment');
	const key = `${organisationId}/objections/${randomUUID()}.${extension}`;
	const target = path.join(uploadsDir(), key);
	await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
	await fs.writeFile(target, bytes, { mode: 0o600, flag: 'wx' });
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	const name = (path.basename(file.name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim() || `objection.${extension}`).slice(0, 255);
	return { name, type: sniffed.mime, size: bytes.byteLength, key };
}

export async function removeObjectionFile(key: string): Promise<void> {
	await fs.rm(path.join(uploadsDir(), key), { force: true });
}

export function readObjectionFile(key: string): Promise<Buffer> {
	return fs.readFile(path.join(uploadsDir(), key));
}

import { crc32 } from 'node:zlib';

/**
 * exceljs's streaming reader reads an xlsx (a zip) front to back, and a worksheet met before the
 * shared strings it points into is copied whole to a temporary file and read only at the end. Excel,
 * WPS and exceljs itself all store the sheets first, so an import waited for the whole sheet to be
 * inflated onto disk — with people's names and ID numbers in it when the cells hold their text —
 * before its first row. `sheetsLast` moves the worksheets behind every other part (the compressed
 * bytes are copied, nothing is inflated again) and adds an empty shared-strings part to a workbook
 * that has none, so the reader parses each sheet straight from memory as it inflates. A zip this does
 * not understand (ZIP64, several disks, a broken directory) comes back as it was, for exceljs to judge.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

interface Part {
	name: string;
	/** Where its local header starts, and where its bytes (with any data descriptor) end. */
	start: number;
	end: number;
	/** Its central-directory record, copied and given a new offset. */
	directoryRecord: Buffer;
}

const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const EMPTY_SHARED_STRINGS = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');

export function sheetsLast(zip: Buffer): Buffer {
	const parts = readDirectory(zip);
	if (!parts) return zip;
	const sheets = parts.filter((part) => SHEET.test(part.name));
	const others = parts.filter((part) => !SHEET.test(part.name));
	const needsStrings = sheets.length > 0 && !parts.some((part) => part.name === SHARED_STRINGS);
	if (!needsStrings && [...others, ...sheets].every((part, index) => part === parts[index])) return zip;

	const locals: Buffer[] = [];
	const directory: Buffer[] = [];
	let offset = 0;
	const place = (local: Buffer, directoryRecord: Buffer) => {
		const record = Buffer.from(directoryRecord);
		record.writeUInt32LE(offset, 42);
		locals.push(local);
		directory.push(record);
		offset += local.length;
	};
	for (const part of others) place(zip.subarray(part.start, part.end), part.directoryRecord);
	if (needsStrings) place(...storedPart(SHARED_STRINGS, EMPTY_SHARED_STRINGS));
	for (const part of sheets) place(zip.subarray(part.start, part.end), part.directoryRecord);

	const directoryBytes = Buffer.concat(directory);
	const end = Buffer.alloc(END_RECORD_SIZE);
	end.writeUInt32LE(END_OF_DIRECTORY, 0);
	end.writeUInt16LE(directory.length, 8);
	end.writeUInt16LE(directory.length, 10);
	end.writeUInt32LE(directoryBytes.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directoryBytes, end]);
}

/** The zip's parts as they lie in the file, from its central directory; null when it is not a plain single-disk zip. */
function readDirectory(zip: Buffer): Part[] | null {
	const endAt = findEndRecord(zip);
	if (endAt < 0) return null;
	const disk = zip.readUInt16LE(endAt + 4);
	const directoryDisk = zip.readUInt16LE(endAt + 6);
	const count = zip.readUInt16LE(endAt + 10);
	const size = zip.readUInt32LE(endAt + 12);
	const directoryAt = zip.readUInt32LE(endAt + 16);
	// 0xffff / 0xffffffff say the real values are in a ZIP64 record: leave such a file alone.
	if (disk !== 0 || directoryDisk !== 0 || count === 0xffff || size === 0xffffffff || directoryAt === 0xffffffff) return null;
	if (directoryAt + size > endAt) return null;
	const found: Omit<Part, 'end'>[] = [];
	let at = directoryAt;
	for (let index = 0; index < count; index++) {
		if (at + 46 > directoryAt + size || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
		const nameLength = zip.readUInt16LE(at + 28);
		const recordLength = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
		const start = zip.readUInt32LE(at + 42);
		if (at + recordLength > directoryAt + size || start >= directoryAt || zip.readUInt32LE(start) !== LOCAL_HEADER) return null;
		found.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), start, directoryRecord: zip.subarray(at, at + recordLength) });
		at += recordLength;
	}
	// A part runs to where the next one starts (its data descriptor included); the last to the directory.
	found.sort((first, second) => first.start - second.start);
	if (found.some((part, index) => index > 0 && part.start === found[index - 1]!.start)) return null;
	return found.map((part, index) => ({ ...part, end: found[index + 1]?.start ?? directoryAt }));
}

function findEndRecord(zip: Buffer): number {
	const lowest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT);
	for (let at = zip.length - END_RECORD_SIZE; at >= lowest; at--) {
		if (zip.readUInt32LE(at) === END_OF_DIRECTORY && at + END_RECORD_SIZE + zip.readUInt16LE(at + 20) === zip.length) return at;
	}
	return -1;
}

/** A part stored without compression: its local record and its central-directory record. */
function storedPart(name: string, content: Buffer): [Buffer, Buffer] {
	const nameBytes = Buffer.from(name, 'utf8');
	const checksum = crc32(content);
	const local = Buffer.alloc(30);
	local.writeUInt32LE(LOCAL_HEADER, 0);
	local.writeUInt16LE(20, 4);
	local.writeUInt32LE(checksum, 14);
	local.writeUInt32LE(content.length, 18);
	local.writeUInt32LE(content.length, 22);
	local.writeUInt16LE(nameBytes.length, 26);
	const record = Buffer.alloc(46);
	record.writeUInt32LE(DIRECTORY_ENTRY, 0);
	record.writeUInt16LE(20, 4);
	record.writeUInt16LE(20, 6);
	record.writeUInt32LE(checksum, 16);
	record.writeUInt32LE(content.length, 20);
	record.writeUInt32LE(content.length, 24);
	record.writeUInt16LE(nameBytes.length, 28);
	return [Buffer.concat([local, nameBytes, content]), Buffer.concat([record, nameBytes])];
}

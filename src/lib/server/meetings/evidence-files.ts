// Files attached to evidence papers and priorities: which types are accepted (checked by the name's
// extension and, where a format has one, its first bytes), and keeping them in the file store
// (platform/file-store.ts), named by their SHA-256.
import { createHash } from 'node:crypto';
import { fileStore } from '../platform/index.ts';
import { Invalid, TooLarge } from '../platform/index.ts';

/** Board papers with their appendices are rarely above a few MiB; 20 MiB leaves room for scanned reports. */
export const MAX_EVIDENCE_FILE_BYTES = 20 * 1024 * 1024;

const PK = [0x50, 0x4b, 0x03, 0x04]; // a ZIP archive: the container of OOXML and ODF files
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // the container of old Office files
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

interface FileType {
	mime: string;
	/** Accepted openings; empty for text formats, which are checked for binary content instead. */
	magic: number[][];
}

const FILE_TYPES: Record<string, FileType> = {
	pdf: { mime: 'application/pdf', magic: [ascii('%PDF-')] },
	docx: {
		mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		magic: [PK]
	},
	xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [PK] },
	pptx: {
		mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		magic: [PK]
	},
	doc: { mime: 'application/msword', magic: [OLE] },
	xls: { mime: 'application/vnd.ms-excel', magic: [OLE] },
	ppt: { mime: 'application/vnd.ms-powerpoint', magic: [OLE] },
	odt: { mime: 'application/vnd.oasis.opendocument.text', magic: [PK] },
	ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', magic: [PK] },
	odp: { mime: 'application/vnd.oasis.opendocument.presentation', magic: [PK] },
	png: { mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
	jpg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
	jpeg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
	gif: { mime: 'image/gif', magic: [ascii('GIF87a'), ascii('GIF89a')] },
	webp: { mime: 'image/webp', magic: [ascii('RIFF')] },
	csv: { mime: 'text/csv; charset=utf-8', magic: [] },
	txt: { mime: 'text/plain; charset=utf-8', magic: [] }
};

export const ACCEPTED_EXTENSIONS = Object.keys(FILE_TYPES);
/** For a file input's `accept` attribute. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((ext) => `.${ext}`).join(',');

export interface UploadedFile {
	name: string;
	/** What the browser said; only the name's extension and the bytes decide. */
	type?: string;
	bytes: Uint8Array;
}

export interface CheckedFile {
	name: string;
	type: string;
	size: number;
	sha256: string;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function looksRight(ext: string, bytes: Uint8Array): boolean {
	const type = FILE_TYPES[ext];
	if (ext === 'webp')
		return startsWith(bytes, ascii('RIFF')) && startsWith(bytes.subarray(8), ascii('WEBP'));
	if (type.magic.length) return type.magic.some((prefix) => startsWith(bytes, prefix));
	// Text: a NUL byte in the first 8 KiB means a binary file renamed to .csv or .txt.
	return !bytes.subarray(0, 8192).includes(0);
}

/** A name safe to offer back in Content-Disposition: no folders, no control characters. */
function cleanName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// Bidi overrides too, or "report\u202Efdp.exe" would show as "reportexe.pdf"; cut by code point, so an
	// emoji at the 200th place is not halved into a lone surrogate, which cannot be stored.
	const kept = base
		.normalize('NFC')
		.replace(/[\u0000-\u001f\u007f-\u009f"\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/gu, '')
		.trim();
	return Array.from(kept).slice(0, 200).join('').trim();
}

/** Checks an upload's name, type and size; throws Invalid naming the `file` field. */
export function checkEvidenceFile(file: UploadedFile): CheckedFile {
	const name = cleanName(file.name);
	if (!file.bytes.length || !name) throw new Invalid({ file: 'Choose a file to upload' });
	if (file.bytes.length > MAX_EVIDENCE_FILE_BYTES)
		throw new TooLarge(`The file must be ${MAX_EVIDENCE_FILE_BYTES / 1024 / 1024} MiB or smaller.`);
	const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase() ?? '';
	const type = FILE_TYPES[ext];
	if (!type)
		throw new Invalid({
			file: 'The file must be a PDF, Word, Excel, PowerPoint, OpenDocument, image (PNG, JPEG, GIF, WebP), CSV or text file'
		});
	if (!looksRight(ext, file.bytes))
		throw new Invalid({ file: `The file’s contents are not those of a .${ext} file` });
	const sha256 = createHash('sha256').update(file.bytes).digest('hex');
	return { name, type: type.mime, size: file.bytes.length, sha256 };
}

/** Keeps the checked file's bytes in the file store. */
export async function storeFile(checked: CheckedFile, bytes: Uint8Array): Promise<void> {
	await fileStore.use().put(checked.sha256, bytes);
}

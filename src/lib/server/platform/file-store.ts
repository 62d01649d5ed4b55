// Where uploaded files are kept, by the SHA-256 of their bytes: the same paper uploaded twice is stored
// once, and a stored file can be checked against its row. A port: in the database by default (FileContent),
// so every instance serves every download; or in a folder (FILES_DIR) that all instances share.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { loadConfig } from './config.ts';
import { db } from './db.ts';
import { definePort } from './ports.ts';

export interface StoredFile {
	size: number;
	/** The file's bytes, read as they are sent. */
	stream(): ReadableStream<Uint8Array>;
}

export interface FileStore {
	/** Keeps the bytes under their hash; storing the same bytes again keeps the one copy. */
	put(sha256: string, bytes: Uint8Array): Promise<void>;
	/** The stored file, or null when nothing is stored under the hash. */
	open(sha256: string): Promise<StoredFile | null>;
}

function checkedHash(sha256: string): string {
	if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256');
	return sha256;
}

/** Files in a folder (FILES_DIR, shared by every instance), named by their hash. */
export class FolderFileStore implements FileStore {
	constructor(private readonly folder: string) {}

	path(sha256: string): string {
		return join(this.folder, checkedHash(sha256));
	}

	/** Written via a temporary file, so a half-written file never has the name. */
	async put(sha256: string, bytes: Uint8Array): Promise<void> {
		const path = this.path(sha256);
		const existing = await stat(path).catch(() => null);
		if (existing?.size === bytes.length) return;
		await mkdir(this.folder, { recursive: true });
		const partial = `${path}.${randomUUID()}.partial`;
		await writeFile(partial, bytes);
		await rename(partial, path);
	}

	async open(sha256: string): Promise<StoredFile | null> {
		const path = this.path(sha256);
		const found = await stat(path).catch(() => null);
		if (!found) return null;
		return {
			size: found.size,
			stream: () => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>
		};
	}
}

/** Files in the database: one row per distinct content. */
export class DatabaseFileStore implements FileStore {
	async put(sha256: string, bytes: Uint8Array): Promise<void> {
		await db().fileContent.createMany({
			data: [{ sha256: checkedHash(sha256), size: bytes.length, bytes: new Uint8Array(bytes) }],
			skipDuplicates: true
		});
	}

	async open(sha256: string): Promise<StoredFile | null> {
		const row = await db().fileContent.findUnique({ where: { sha256: checkedHash(sha256) } });
		if (!row) return null;
		return { size: row.size, stream: () => new Blob([row.bytes]).stream() };
	}
}

/** The store the configuration names: FILES_DIR's folder, or the database. */
export function configuredFileStore(): FileStore {
	const { filesDir } = loadConfig();
	return filesDir ? new FolderFileStore(filesDir) : new DatabaseFileStore();
}

export const fileStore = definePort<FileStore>('file store', configuredFileStore);

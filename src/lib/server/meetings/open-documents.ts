// The server's copy of a shared document, for domain code that must read what people wrote together
// (recording a decision freezes the wording from here). The sync server runs in the Node entry and the
// domain in the SvelteKit bundle, two module graphs in one process, so the sync server registers itself
// under a process-wide key that both can see.
import type * as Y from 'yjs';

export interface DocumentHost {
	withDocument<T>(docName: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T>;
}

const HOST = Symbol.for('partnership-workspace.sync.document-host');
type WithHost = { [HOST]?: DocumentHost };

export function registerDocumentHost(host: DocumentHost): void {
	(globalThis as WithHost)[HOST] = host;
}

/**
 * Runs `read` on the current, stored state of a document (loaded if nobody has it open). Throws if
 * this process has no sync server.
 */
export function withDocument<T>(docName: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
	const host = (globalThis as WithHost)[HOST];
	if (!host) return Promise.reject(new Error('No sync server in this process'));
	return host.withDocument(docName, read);
}

/**
 * Runs `work` with `host` serving documents, then puts back whatever served them before. For the demo
 * seed, which records meetings through the commands before the sync server exists.
 */
export async function withDocumentHost<T>(host: DocumentHost, work: () => Promise<T>): Promise<T> {
	const holder = globalThis as WithHost;
	const before = holder[HOST];
	holder[HOST] = host;
	try {
		return await work();
	} finally {
		if (before) holder[HOST] = before;
		else delete holder[HOST];
	}
}

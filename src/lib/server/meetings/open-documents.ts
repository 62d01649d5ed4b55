// The server's copy of a shared document, for domain code that must read what people wrote together
// (recording a decision freezes the wording from here). The documents are held by the sync server, which
// the start-up installs as this port's implementation; without one (a unit test, a script), reading a
// document fails rather than reading nothing.
import type * as Y from 'yjs';
import { definePort } from '../platform/index.ts';

export interface DocumentHost {
	withDocument<T>(docName: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T>;
}

/** What a process without a sync server answers. */
const noSyncServer: DocumentHost = {
	withDocument: () => Promise.reject(new Error('No sync server in this process'))
};

export const openDocuments = definePort<DocumentHost>('open documents', () => noSyncServer);

/**
 * Runs `read` on the current, stored state of a document (loaded if nobody has it open). Throws if
 * this process has no sync server.
 */
export function withDocument<T>(docName: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
	return openDocuments.use().withDocument(docName, read);
}

/**
 * Runs `work` with `host` serving documents, then puts back whatever served them before. For the demo
 * seed, which records meetings through the commands before the sync server exists.
 */
export function withDocumentHost<T>(host: DocumentHost, work: () => Promise<T>): Promise<T> {
	return openDocuments.installedDuring(host, work);
}

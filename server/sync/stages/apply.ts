// Stage "apply": a decoded message acts on the document only if the connection may write, and an update
// that Yjs cannot apply closes the connection that sent it as malformed.
import * as Y from 'yjs';
import type { MeetingAccess } from '../../../src/lib/server/access/index.ts';
import { MalformedFrame, type Message } from '../protocol.ts';

/** Whether a message may act on the document: document updates only from connections that may write. */
export function authorise(access: MeetingAccess, message: Message): boolean {
	if (message.kind === 'sync-step2' || message.kind === 'sync-update') return access === 'write';
	return true;
}

/** Applies a writer's update; the document's update event then stores and fans it out. */
export function applyUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
	try {
		Y.applyUpdate(doc, update, origin);
	} catch (error) {
		throw new MalformedFrame(`update could not be applied: ${(error as Error).message}`);
	}
}

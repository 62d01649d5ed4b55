// One WebSocket connection: each frame is decoded and checked (protocol.ts), authorised (readers'
// document updates are discarded: stages/apply.ts), then handed to its room, which applies, stores and
// fans out. A bad frame closes only this connection; nothing a client sends can throw past this module.
// While its rights are checked again (a revocation signal), its frames wait for the answer.
import type { WebSocket } from 'ws';
import { log } from '../../src/lib/server/platform/index.ts';
import type { MeetingAccess } from '../../src/lib/server/access/index.ts';
import type { Identity, Recheck } from './access.ts';
import { CLOSE, MAX_BUFFERED_BYTES, MAX_FRAME_BYTES, MAX_HELD_FRAMES } from './limits.ts';
import { MalformedFrame, decodeMessage, type Message } from './protocol.ts';
import type { Peer } from './peer.ts';
import type { Room } from './room.ts';
import type { Rooms } from './rooms.ts';
import { authorise } from './stages/apply.ts';

/** Frames a client may send before its document has loaded; the stock client sends two. */
const MAX_EARLY_FRAMES = 64;

/** Decodes one WebSocket message; throws MalformedFrame with the close code to answer it with. */
export function decodeFrame(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): Message {
	if (!isBinary)
		throw new MalformedFrame('text frames are not part of the protocol', CLOSE.unsupported);
	const bytes = Array.isArray(data)
		? new Uint8Array(Buffer.concat(data))
		: new Uint8Array(data as ArrayBuffer);
	if (bytes.length > MAX_FRAME_BYTES) throw new MalformedFrame('frame too large', CLOSE.tooBig);
	return decodeMessage(bytes);
}

/** Sends unless the connection's send buffer is already over its bound, in which case it is dropped. */
export function sendBounded(ws: WebSocket, frame: Uint8Array, docName: string): void {
	if (ws.readyState !== ws.OPEN) return;
	if (ws.bufferedAmount > 0 && ws.bufferedAmount + frame.length > MAX_BUFFERED_BYTES) {
		log.warn({ docName, buffered: ws.bufferedAmount }, 'sync: slow connection dropped');
		ws.terminate();
		return;
	}
	ws.send(frame);
}

export interface ConnectionGrant {
	docName: string;
	access: MeetingAccess;
	userId: string;
	identity: Identity;
}

/** What the sync server keeps of an open connection, to act on revocation signals. */
export interface ConnectionHandle {
	readonly userId: string;
	readonly docName: string;
	/**
	 * Holds the connection's incoming frames until settle is called (the answer to a re-check), so a write
	 * sent just after a right was taken away is never applied ahead of the answer.
	 */
	hold(): void;
	/** Ends one hold: closes, or keeps the connection at `access` (never more than it had). */
	settle(outcome: Recheck): void;
	readonly closed: Promise<void>;
}

export function serveConnection(
	ws: WebSocket,
	grant: ConnectionGrant,
	rooms: Rooms
): ConnectionHandle {
	const { docName } = grant;
	let access = grant.access;
	let room: Room | undefined;
	let closed = false;
	let holds = 0;
	let markClosed!: () => void;
	const closedPromise = new Promise<void>((resolve) => (markClosed = resolve));
	const early: Array<[Buffer, boolean]> = [];
	const peer: Peer = {
		userId: grant.userId,
		identity: grant.identity,
		canWrite: access === 'write',
		send: (frame) => sendBounded(ws, frame, docName),
		close: (code, reason) => {
			if (closed) return;
			closed = true;
			early.length = 0;
			// Out of the room at once: nothing more is sent to it, and its presence goes.
			room?.leave(peer);
			ws.close(code, reason);
		}
	};

	const handle = (data: Buffer, isBinary: boolean): void => {
		if (closed || !room) return;
		try {
			const message = decodeFrame(data, isBinary);
			if (!authorise(access, message)) return;
			room.receive(peer, message);
		} catch (error) {
			const malformed = error instanceof MalformedFrame;
			log.warn(
				{ docName, userId: grant.userId, reason: (error as Error)?.message },
				malformed ? 'sync: malformed frame, connection closed' : 'sync: frame failed'
			);
			peer.close(
				malformed ? error.code : CLOSE.internalError,
				malformed ? 'malformed frame' : 'error'
			);
		}
	};
	const drain = (): void => {
		if (!room || holds > 0) return;
		for (const [data, isBinary] of early.splice(0)) handle(data, isBinary);
	};

	ws.on('message', (data: Buffer, isBinary: boolean) => {
		if (closed) return;
		if (room && holds === 0) return handle(data, isBinary);
		const bound = room ? MAX_HELD_FRAMES : MAX_EARLY_FRAMES;
		if (early.length >= bound) return peer.close(CLOSE.tryAgainLater, 'too many frames');
		early.push([data, isBinary]);
	});
	ws.on('close', () => {
		closed = true;
		room?.leave(peer);
		markClosed();
	});
	ws.on('error', (error) => log.warn({ docName, err: error }, 'sync: connection error'));

	rooms.open(docName).then(
		(opened) => {
			if (closed) return;
			try {
				opened.join(peer);
			} catch (error) {
				log.warn({ docName, err: error }, 'sync: document went away while joining');
				return peer.close(CLOSE.tryAgainLater, 'document unavailable');
			}
			room = opened;
			drain();
		},
		(error) => {
			log.error({ docName, err: error }, 'sync: document could not be loaded');
			peer.close(CLOSE.internalError, 'document could not be loaded');
		}
	);

	return {
		userId: grant.userId,
		docName,
		closed: closedPromise,
		hold: () => void holds++,
		settle: (outcome) => {
			holds = Math.max(0, holds - 1);
			if (closed) return;
			if (!outcome.ok) {
				log.info({ docName, userId: grant.userId, reason: outcome.reason }, 'sync: access ended');
				return peer.close(outcome.code, outcome.reason);
			}
			// A right given back is used on the next connection (the page reloads with it); one taken away
			// applies from now, to the held frames too.
			if (outcome.access === 'read' && access === 'write') {
				access = 'read';
				peer.canWrite = false;
				log.info({ docName, userId: grant.userId }, 'sync: connection made read-only');
			}
			peer.identity = outcome.identity;
			drain();
		}
	};
}

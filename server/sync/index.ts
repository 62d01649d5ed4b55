// The sync server: y-websocket protocol at /sync/<docName> on the app's own port. The HTTP upgrade is
// authenticated first, then each connection (connection.ts) feeds its document's room (room.ts), which
// runs the pipeline's stages (pipeline.ts, stages/): load, apply, store by group commit with the editors'
// history, fan out, project, unload.
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import { log } from '../../src/lib/server/platform/index.ts';
import { SYNC_PREFIX } from './access.ts';
import { serveConnection } from './connection.ts';
import { ConnectionGuard } from './guard.ts';
import { CLOSE, MAX_FRAME_BYTES } from './limits.ts';
import type { SyncPipeline } from './pipeline.ts';
import { Rooms } from './rooms.ts';
import { UpdateWriter } from './stages/store.ts';

export interface SyncServer {
	/** Whether an upgrade request is for the sync server. */
	handles(request: IncomingMessage): boolean;
	upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
	withDocument<T>(docName: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T>;
	/** Stops taking connections, closes the open ones, stores what is pending and compacts. */
	close(): Promise<void>;
}

/** Answers an upgrade with a plain HTTP error on the raw socket, before any WebSocket handshake. */
function refuse(socket: Duplex, status: number, message: string): void {
	if (!socket.writable) return void socket.destroy();
	const body = `${message}\n`;
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
			'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
	);
}

export interface SyncServerOptions {
	/** ORIGIN, when configured: the only Origin a browser may connect from. */
	origin?: string;
	/** The stages' implementations, chosen at start-up (e.g. postgresPipeline()). */
	pipeline: SyncPipeline;
}

export function createSyncServer(options: SyncServerOptions): SyncServer {
	const { pipeline } = options;
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: MAX_FRAME_BYTES,
		perMessageDeflate: false
	});
	const writer = new UpdateWriter(pipeline.store);
	const rooms = new Rooms(writer, pipeline);
	const guard = new ConnectionGuard(pipeline.authenticate);
	let closing = false;

	const server: SyncServer = {
		handles: (request) => request.url?.startsWith(SYNC_PREFIX) ?? false,

		async upgrade(request, socket, head) {
			socket.on('error', (error) => log.debug({ err: error }, 'sync: upgrade socket error'));
			if (closing) return refuse(socket, 503, 'Shutting down');
			const authorisedAt = guard.signalCount;
			let decision;
			try {
				decision = await pipeline.authenticate.upgrade(
					request.url,
					request.headers,
					options.origin
				);
			} catch (error) {
				log.error({ err: error, url: request.url }, 'sync: upgrade could not be checked');
				return refuse(socket, 500, 'Something went wrong');
			}
			if (!decision.ok) return refuse(socket, decision.status, decision.reason);
			if (socket.destroyed || closing) return void socket.destroy();
			const { actor } = decision;
			const place = await guard.admit(actor.userId);
			if (socket.destroyed || closing) {
				place?.release();
				return void socket.destroy();
			}
			if (!place) {
				// Over the cap: the handshake completes so the client can read why (4429 stops the stock
				// client from retrying), then the connection closes.
				log.warn({ userId: actor.userId }, 'sync: too many connections for one person');
				return wss.handleUpgrade(request, socket, head, (ws) =>
					ws.close(CLOSE.tooMany, 'too many open connections')
				);
			}
			// The place is held until the socket closes, however the connection ends.
			socket.once('close', () => place.release());
			const grant = {
				docName: decision.docName,
				access: decision.access,
				userId: actor.userId,
				identity: decision.identity
			};
			wss.handleUpgrade(request, socket, head, (ws) =>
				guard.watch(actor, serveConnection(ws, grant, rooms), authorisedAt)
			);
		},

		withDocument: (docName, read) => rooms.withDocument(docName, read),

		async close() {
			closing = true;
			guard.close();
			for (const ws of wss.clients) ws.close(CLOSE.restarting, 'server restarting');
			await rooms.unloadAll();
			await writer.flush();
			pipeline.store.close();
			wss.close();
		}
	};
	return server;
}

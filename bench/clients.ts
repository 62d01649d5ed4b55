// Stock y-websocket clients in this process, one Y.Doc each, all on one document. For our server each
// socket carries a session cookie and the Origin a browser on the app's page would send. And bare writers
// for the rate ceiling: a socket and a Y.Doc of their own, which send updates and never apply anyone
// else's, so that twenty of them at thousands of updates a second do not make the bench the bottleneck.
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { socketClass, type Headers } from '../tests/support/sync.ts';
import type { BenchServer } from './servers.ts';

export interface BenchClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
}

/** A connect that has not synced by then counts as failed. */
const SYNC_TIMEOUT_MS = 20_000;
/** Connections opened at once: a crowd of handshakes at the same instant is not what we measure. */
const CONNECT_BATCH = 10;

function headersFor(server: BenchServer, cookie: string | undefined): Headers {
	return cookie ? { cookie, origin: server.url } : {};
}

/** Resolves when the provider has synced; rejects after the timeout, saying why the socket closed. */
export function whenSynced(
	provider: WebsocketProvider,
	timeoutMs = SYNC_TIMEOUT_MS
): Promise<void> {
	if (provider.synced) return Promise.resolve();
	return new Promise((ok, fail) => {
		let lastClose = '';
		const onClose = (event: { code?: number; reason?: string } | null) => {
			lastClose = event ? ` (last close: ${event.code} ${event.reason ?? ''})` : '';
		};
		const onSync = (synced: boolean) => {
			if (!synced) return;
			done();
			ok();
		};
		const timer = setTimeout(() => {
			done();
			fail(new Error(`${provider.url} did not sync within ${timeoutMs} ms${lastClose}`));
		}, timeoutMs);
		const done = () => {
			clearTimeout(timer);
			provider.off('sync', onSync);
			provider.off('connection-close', onClose);
		};
		provider.on('sync', onSync);
		provider.on('connection-close', onClose);
	});
}

export function openClient(
	server: BenchServer,
	docName: string,
	cookie: string | undefined
): BenchClient {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(server.syncUrl, docName, doc, {
		disableBc: true,
		WebSocketPolyfill: socketClass(headersFor(server, cookie)) as unknown as typeof WebSocket,
		// A refused socket should show up as a timeout, not as minutes of retries.
		maxBackoffTime: 1000
	});
	return { doc, provider };
}

export function closeClients(clients: BenchClient[]): void {
	for (const { doc, provider } of clients) {
		provider.destroy();
		doc.destroy();
	}
}

/**
 * Opens `count` clients on one document, `CONNECT_BATCH` at a time, and waits until every one has
 * synced. Cookies are used in turn. On failure every client opened so far is closed.
 */
export async function connectClients(
	server: BenchServer,
	docName: string,
	count: number,
	cookies: string[]
): Promise<BenchClient[]> {
	const clients: BenchClient[] = [];
	try {
		for (let i = 0; i < count; i += CONNECT_BATCH) {
			const batch: BenchClient[] = [];
			for (let j = i; j < Math.min(count, i + CONNECT_BATCH); j++) {
				batch.push(
					openClient(server, docName, cookies.length ? cookies[j % cookies.length] : undefined)
				);
			}
			clients.push(...batch);
			await Promise.all(batch.map((client) => whenSynced(client.provider)));
		}
		return clients;
	} catch (error) {
		closeClients(clients);
		throw error;
	}
}

/** y-websocket's first byte for sync messages (its `messageSync`). */
const MESSAGE_SYNC = 0;

export interface BareWriter {
	/** Only this writer's own entries: each update refers to nothing but its own earlier ones. */
	doc: Y.Doc;
	/** Set once the socket closes, with the code and reason (a writer dropped mid-step is said, not missed). */
	closed: string | null;
	close(): void;
}

/**
 * A writer as the server sees a browser's: a signed-in socket sending sync updates, each its own frame.
 * What the server sends back (everyone else's updates) is read off the socket and dropped undecoded: a
 * provider would apply every other writer's update to its Y.Doc, twenty times over. Resolves once the
 * server has joined it to the document (its first frame to a writer is the sync step 1), so a write is
 * never held back as an early frame.
 */
export function openBareWriter(
	server: BenchServer,
	docName: string,
	cookie: string,
	timeoutMs = SYNC_TIMEOUT_MS
): Promise<BareWriter> {
	const Socket = socketClass(headersFor(server, cookie));
	const socket = new Socket(`${server.syncUrl}/${docName}`);
	const doc = new Y.Doc();
	const writer: BareWriter = {
		doc,
		closed: null,
		close: () => {
			socket.terminate();
			doc.destroy();
		}
	};
	doc.on('update', (update: Uint8Array) => {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		syncProtocol.writeUpdate(encoder, update);
		if (socket.readyState === socket.OPEN) socket.send(encoding.toUint8Array(encoder));
	});
	socket.on('close', (code, reason) => (writer.closed = `${code} ${reason.toString()}`));
	socket.on('error', () => undefined);
	return new Promise((ok, fail) => {
		const timer = setTimeout(() => {
			writer.close();
			fail(new Error(`${docName}: a bare writer was not joined within ${timeoutMs} ms`));
		}, timeoutMs);
		// Presence may come first; a reader (no right to write) is never sent the step 1 and times out.
		const joined = (data: Buffer) => {
			if (data[0] !== MESSAGE_SYNC) return;
			socket.off('message', joined);
			clearTimeout(timer);
			ok(writer);
		};
		socket.on('message', joined);
		socket.once('unexpected-response', (_request, response) => {
			clearTimeout(timer);
			writer.close();
			fail(new Error(`${docName}: a bare writer's upgrade was refused (${response.statusCode})`));
		});
		socket.once('close', (code, reason) => {
			clearTimeout(timer);
			fail(new Error(`${docName}: a bare writer's socket closed (${code} ${reason.toString()})`));
		});
	});
}

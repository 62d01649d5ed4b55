// Stock y-websocket clients in this process, one Y.Doc each, all on one document. For our server each
// socket carries a session cookie and the Origin a browser on the app's page would send.
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

// Sync clients for tests: the stock y-websocket WebsocketProvider over `ws`, carrying a person's session
// cookie and an Origin header as a browser would, plus raw sockets for sending frames by hand.
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface Headers {
	cookie?: string;
	origin?: string;
	authorization?: string;
}

/** A WebSocket class (what y-websocket 3 takes as WebSocketPolyfill) that sends the given headers. */
export function socketClass(headers: Headers) {
	const sent = Object.fromEntries(Object.entries(headers).filter(([, v]) => v)) as Record<
		string,
		string
	>;
	return class extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: sent });
		}
	};
}

export function syncUrl(serverUrl: string): string {
	return serverUrl.replace(/^http/, 'ws') + '/sync';
}

export interface SyncClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Resolves when the provider has received the server's copy. */
	synced: Promise<void>;
	destroy: () => void;
}

/** A stock y-websocket client on `docName`, signed in with `cookie`. */
export function connect(
	serverUrl: string,
	docName: string,
	cookie: string,
	options: { doc?: Y.Doc; origin?: string | null; connect?: boolean } = {}
): SyncClient {
	const doc = options.doc ?? new Y.Doc();
	const origin = options.origin === null ? undefined : (options.origin ?? serverUrl);
	const provider = new WebsocketProvider(syncUrl(serverUrl), docName, doc, {
		WebSocketPolyfill: socketClass({ cookie, origin }) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 200,
		connect: options.connect ?? true
	});
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) return resolve();
		const on = (state: boolean) => {
			if (!state) return;
			provider.off('sync', on);
			resolve();
		};
		provider.on('sync', on);
	});
	return {
		doc,
		provider,
		synced,
		destroy: () => {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** Polls until `check` holds, failing with `what` after `timeout` ms. */
export async function waitFor(
	check: () => boolean | Promise<boolean>,
	what: string,
	timeout = 5000
) {
	const until = Date.now() + timeout;
	while (!(await check())) {
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

/**
 * Waits until the server holds everything `client` has written to its document: a second client on the
 * same document, once synced, has caught up with the first one's own changes.
 */
export async function serverHasCaughtUp(serverUrl: string, cookie: string, client: SyncClient) {
	const docName = client.provider.roomname;
	const checker = connect(serverUrl, docName, cookie);
	const clock = (doc: Y.Doc) =>
		Y.decodeStateVector(Y.encodeStateVector(doc)).get(client.doc.clientID) ?? 0;
	try {
		await checker.synced;
		await waitFor(
			() => clock(checker.doc) >= clock(client.doc),
			`the server to hold what was written to ${docName}`
		);
	} finally {
		checker.destroy();
	}
}

/** The HTTP status an upgrade is refused with, or 101 when it is accepted. */
export function upgradeStatus(
	serverUrl: string,
	docName: string,
	headers: Headers
): Promise<number> {
	return new Promise((resolve, reject) => {
		const Socket = socketClass(headers);
		const ws = new Socket(`${syncUrl(serverUrl)}/${docName}`);
		ws.on('unexpected-response', (_request, response) => {
			resolve(response.statusCode ?? 0);
			ws.terminate();
		});
		ws.on('open', () => {
			resolve(101);
			ws.close();
		});
		ws.on('error', (error) => {
			if (!/Unexpected server response/.test(error.message)) reject(error);
		});
	});
}

/** A raw, signed-in socket on a document, opened. */
export async function rawSocket(serverUrl: string, docName: string, cookie: string) {
	const Socket = socketClass({ cookie, origin: serverUrl });
	const ws = new Socket(`${syncUrl(serverUrl)}/${docName}`, undefined);
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	return ws;
}

/** Resolves with the close code of a socket. */
export function closeCode(ws: WebSocket): Promise<number> {
	if (ws.readyState === ws.CLOSED) return Promise.resolve(-1);
	return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/**
 * Clients writing tokens (into the document's `tokens` array) every `everyMs` while connected, and the
 * tokens acknowledged: received by another client, which the server does only after storing them.
 */
export function burstOfTokens(clients: SyncClient[], everyMs: number, prefix = 'w') {
	const acknowledged = new Set<string>();
	clients.forEach((client) =>
		client.doc.getArray<string>('tokens').observe((event) => {
			// Only what arrived from the server: a client's own writes are not acknowledged by writing them.
			if (event.transaction.origin !== client.provider) return;
			for (const item of event.changes.added)
				for (const token of item.content.getContent()) acknowledged.add(token as string);
		})
	);
	let written = 0;
	const timers = clients.map((client, i) =>
		setInterval(() => {
			if (client.provider.wsconnected)
				client.doc.getArray<string>('tokens').push([`${prefix}${i}-${written++}`]);
		}, everyMs)
	);
	return {
		acknowledged,
		written: () => written,
		stop: () => timers.forEach(clearInterval)
	};
}

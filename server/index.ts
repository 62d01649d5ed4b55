// The production entry: one Node process serving the SvelteKit app over HTTP and the sync WebSocket
// (meeting documents, /sync/<docName>) on the same port.
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ConfigError, loadConfig } from '../src/lib/server/platform/index.ts';
import {
	databaseIsEmpty,
	demoHalfLoaded,
	seedDemo,
	DEMO_PASSWORD,
	DEMO_ACCOUNTS
} from '../seed/demo.ts';
import { disconnect } from '../src/lib/server/platform/index.ts';
import { MAX_EVIDENCE_FILE_BYTES } from '../src/lib/server/meetings/index.ts';
import { log } from '../src/lib/server/platform/index.ts';
import { createSyncServer } from './sync/index.ts';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

let config;
try {
	config = loadConfig();
} catch (error) {
	if (error instanceof ConfigError) fail(error.message);
	throw error;
}

// Demo data goes only into an empty database, and in production only when asked for.
const wantDemo = process.argv.includes('--demo') || !config.production;
let demoLoaded = false;
if (wantDemo && process.argv.includes('--no-demo') === false && (await databaseIsEmpty())) {
	await seedDemo();
	demoLoaded = true;
}
if (await demoHalfLoaded()) {
	fail(
		`The demo data was only partly loaded: an earlier start stopped while loading it. Delete the data ` +
			`folder (${config.dataDir}) and start again to load it afresh.`
	);
}
await disconnect();

// A variable, not a literal, so the type checker does not walk into the built bundle.
const BUILT_HANDLER = '../build/handler.js';

// The SvelteKit handler reads ORIGIN itself and rejects a blank one; blank means "not set" here. Without
// ORIGIN, adapter-node assumes https, and its check that form posts come from this site would refuse every
// form served over plain http; so the protocol is taken from the connection itself, in a header of ours
// that is always overwritten (a client cannot choose it). Behind a TLS-terminating proxy, set ORIGIN.
const PROTOCOL_HEADER = 'x-workspace-protocol';
if (!process.env.ORIGIN) {
	delete process.env.ORIGIN;
	process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
}
// adapter-node refuses bodies over BODY_SIZE_LIMIT (512 KiB by default) with a plain-text 413 before the
// app sees them. Its cap sits just above the largest upload the app takes (an evidence file), so the app
// itself refuses oversized uploads, in the API's error shape; JSON bodies keep their own, smaller limit.
process.env.BODY_SIZE_LIMIT ??= String(MAX_EVIDENCE_FILE_BYTES + 1024 * 1024);
const { handler } = await import(/* built by `vite build` */ BUILT_HANDLER).catch((error) =>
	error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('build/handler.js')
		? fail('The app is not built yet. Run `npm run build` first (`npm start` does this for you).')
		: Promise.reject(error)
);

const sync = createSyncServer({ origin: config.origin });

function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
	if (sync.handles(request)) {
		sync.upgrade(request, socket, head).catch((error) => {
			log.error({ err: error }, 'sync: upgrade failed');
			socket.destroy();
		});
		return;
	}
	log.warn({ url: request.url }, 'WebSocket upgrade refused: not a sync path');
	socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

const server = createServer((request, response) => {
	request.headers[PROTOCOL_HEADER] = 'encrypted' in request.socket ? 'https' : 'http';
	handler(request, response);
});
server.on('upgrade', upgrade);
server.listen(config.port, config.host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	const url = config.origin ?? `http://localhost:${port}`;
	log.info({ port, url }, 'listening');
	console.log(`\nPartnership workspace is running at ${url}`);
	console.log(`listening on port ${port}`);
	if (demoLoaded || (wantDemo && !config.production)) {
		console.log(
			`Demo sign-in: ${DEMO_ACCOUNTS.admin} (or any demo account in the README), password ${DEMO_PASSWORD}\n`
		);
	}
});

// Stored before closed: pending document updates are written and logs compacted before the process ends.
let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
	if (shuttingDown) return;
	shuttingDown = true;
	log.info({ signal }, 'shutting down');
	setTimeout(() => process.exit(0), 10_000).unref();
	server.close(() => undefined);
	server.closeIdleConnections();
	try {
		await sync.close();
	} catch (error) {
		log.error({ err: error }, 'sync: shutdown failed');
	}
	await disconnect();
	process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

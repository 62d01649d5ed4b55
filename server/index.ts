// The production entry: one Node process serving the SvelteKit app over HTTP. The sync WebSocket will share
// this port: upgrades come to `upgrade()` below, which refuses them until the sync server is added.
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ConfigError, loadConfig } from '../src/lib/server/config.ts';
import { databaseIsEmpty, seedDemo, DEMO_PASSWORD, DEMO_ACCOUNTS } from '../src/lib/server/demo.ts';
import { disconnect } from '../src/lib/server/db.ts';
import { MAX_EVIDENCE_FILE_BYTES } from '../src/lib/server/evidence-files.ts';
import { log } from '../src/lib/server/log.ts';

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

function upgrade(request: IncomingMessage, socket: Duplex): void {
	// No WebSocket endpoints yet: the sync server (meeting documents) plugs in here.
	log.warn({ url: request.url }, 'WebSocket upgrade refused: no sync server yet');
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

function shutdown(signal: string): void {
	log.info({ signal }, 'shutting down');
	server.close(() => process.exit(0));
	setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

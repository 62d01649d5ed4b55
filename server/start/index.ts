// The production start-up: one Node process serving the SvelteKit app over HTTP and the sync WebSocket
// (meeting documents, /sync/<docName>) on the same port. It is bundled with the app (src/hooks.server.ts
// re-exports `start`) and called by build/start.js, which svelte.config.js writes: so the app, the sync
// server and this code share one copy of every domain module and one database client.
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { Duplex } from 'node:stream';
import {
	MAX_EVIDENCE_FILE_BYTES,
	placeWaitingMattersArising
} from '../../src/lib/server/meetings/index.ts';
import {
	ConfigError,
	disconnect,
	loadConfig,
	log,
	type Config
} from '../../src/lib/server/platform/index.ts';
import {
	setSiteOrigin,
	startMailSender,
	type MailSender
} from '../../src/lib/server/notify/index.ts';
import { createSyncServer, type SyncServer } from '../sync/index.ts';
import { postgresPipeline } from '../sync/pipeline.ts';
import { NotMigrated, openDatabase, type Database } from './database.ts';
import { demoHalfLoaded, prepareDemo, type DemoSignIn } from './demo.ts';
import {
	inProcessPorts,
	installDocumentHost,
	installPorts,
	redisPorts,
	type Ports
} from './ports.ts';
import type { Relay } from '../sync/stages/fan-out.ts';

/** How often matters arising still waiting are tried again on the next open agenda. */
const MATTERS_RETRY_MS = 5 * 60_000;

export interface StartOptions {
	/** The command line's flags (--demo, --no-demo). */
	argv: string[];
	/**
	 * The built SvelteKit handler, imported only once the environment it reads at import (ORIGIN,
	 * PROTOCOL_HEADER, BODY_SIZE_LIMIT) is set.
	 */
	app: () => Promise<{ handler: RequestListener }>;
}

/**
 * The SvelteKit handler reads ORIGIN itself and rejects a blank one; blank means "not set" here. Without
 * ORIGIN, adapter-node assumes https, and its check that form posts come from this site would refuse every
 * form served over plain http; so the protocol is taken from the connection itself, in a header of ours
 * that is always overwritten (a client cannot choose it). Behind a TLS-terminating proxy, set ORIGIN.
 */
const PROTOCOL_HEADER = 'x-workspace-protocol';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

function configOrExit(): Config {
	try {
		return loadConfig();
	} catch (error) {
		if (error instanceof ConfigError) fail(error.message);
		throw error;
	}
}

function prepareAdapterEnv(): void {
	if (!process.env.ORIGIN) {
		delete process.env.ORIGIN;
		process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	}
	// adapter-node refuses bodies over BODY_SIZE_LIMIT (512 KiB by default) with a plain-text 413 before the
	// app sees them. Its cap sits just above the largest upload the app takes (an evidence file), so the app
	// itself refuses oversized uploads, in the API's error shape; JSON bodies keep their own, smaller limit.
	process.env.BODY_SIZE_LIMIT ??= String(MAX_EVIDENCE_FILE_BYTES + 1024 * 1024);
}

/**
 * The sync server on PostgreSQL, relaying to other instances when `relay` is given (Redis), serving the
 * shared documents to the domain too (recording a decision reads them).
 */
export function serveSync(origin: string | undefined, relay?: Relay): SyncServer {
	const sync = createSyncServer({ origin, pipeline: postgresPipeline(relay) });
	installDocumentHost(sync);
	return sync;
}

/** The ports this configuration asks for; stops the process if Redis is named and cannot be reached. */
async function portsOrExit(config: Config): Promise<Ports> {
	if (!config.redisUrl) return inProcessPorts();
	try {
		return await redisPorts(config.redisUrl);
	} catch (error) {
		fail(`Redis at REDIS_URL could not be reached: ${(error as Error).message}`);
	}
}

/** Opens the database, or stops the process saying why it cannot. */
async function databaseOrExit(config: Config, migrate: boolean): Promise<Database> {
	try {
		const database = await openDatabase(config, { migrate });
		log.info(`database: ${database.description}`);
		return database;
	} catch (error) {
		if (error instanceof NotMigrated) fail(error.message);
		throw error;
	}
}

/**
 * `node build/start.js migrate [--demo]` (`npm run migrate`): brings the database up to date under the
 * migration lock, loads the demo into it if asked and it is empty, and ends. Run once before starting
 * several instances on one database.
 */
async function migrateOnly(config: Config, argv: string[]): Promise<void> {
	const database = await databaseOrExit(config, true);
	try {
		if (argv.includes('--demo')) {
			const { loaded } = await prepareDemo(true);
			console.log(
				loaded ? 'Loaded the demo partnership.' : 'The database is not empty: no demo loaded.'
			);
		}
		console.log('The database is up to date.');
	} finally {
		await disconnect();
		await database.stop();
	}
}

export async function start({ argv, app }: StartOptions): Promise<void> {
	const config = configOrExit();
	if (argv[0] === 'migrate') {
		installPorts(inProcessPorts());
		return migrateOnly(config, argv);
	}
	const ports = await portsOrExit(config);
	installPorts(ports);
	log.info(`live changes, rate limits and connection caps: ${ports.description}`);

	// An instance on the operator's database only checks that it is migrated; the embedded one is ours.
	const database = await databaseOrExit(config, !config.databaseUrl);

	// Demo data goes only into an empty database, and in production only when asked for.
	const wantDemo = argv.includes('--demo') || !config.production;
	let demo: { loaded: boolean; signIn: DemoSignIn } | undefined;
	if (wantDemo) demo = await prepareDemo(!argv.includes('--no-demo'));
	if (await demoHalfLoaded()) {
		await disconnect();
		await database.stop();
		fail(
			'The demo data was only partly loaded: an earlier start stopped while loading it. Empty the ' +
				`database (without DATABASE_URL: delete the data folder, ${config.dataDir}) and start again.`
		);
	}

	prepareAdapterEnv();
	const { handler } = await app();
	const sync = serveSync(config.origin, ports.relay);

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
	// Email queued by commands is delivered (or kept in the outbox) by this loop, never by the command.
	let mail: MailSender | undefined;
	// Matters arising whose placing on an agenda failed are tried again at start-up and every few minutes.
	let retryMatters: ReturnType<typeof setInterval> | undefined;
	server.listen(config.port, config.host, () => {
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : config.port;
		const url = config.origin ?? `http://localhost:${port}`;
		log.info({ port, url }, 'listening');
		setSiteOrigin(url);
		mail = startMailSender();
		void placeWaitingMattersArising();
		retryMatters = setInterval(() => void placeWaitingMattersArising(), MATTERS_RETRY_MS);
		retryMatters.unref();
		console.log(`\nPartnership workspace is running at ${url}`);
		console.log(`listening on port ${port}`);
		if (demo && (demo.loaded || !config.production)) {
			console.log(
				`Demo sign-in: ${demo.signIn.email} (or any demo account in the README), password ${demo.signIn.password}\n`
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
		clearInterval(retryMatters);
		server.close(() => undefined);
		server.closeIdleConnections();
		try {
			await mail?.stop();
		} catch (error) {
			log.error({ err: error }, 'mail: stopping the sender failed');
		}
		try {
			await sync.close();
		} catch (error) {
			log.error({ err: error }, 'sync: shutdown failed');
		}
		await ports.close();
		await disconnect();
		await database.stop();
		process.exit(0);
	}
	process.on('SIGINT', () => void shutdown('SIGINT'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

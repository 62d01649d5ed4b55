// The one database client of this process, on the SQLite file the configuration names.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../../generated/prisma/client.ts';
import { closeBulkRead } from './bulk-read.ts';
import { loadConfig, sqliteFile } from './config.ts';
import { countedAdapter } from './query-count.ts';

export type Db = InstanceType<typeof PrismaClient>;
/** A client inside a transaction: what every write function takes. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

function connect(databaseUrl: string): Db {
	// busy_timeout lets a second writer (the CLI, another process) wait instead of failing at once.
	const adapter = countedAdapter(
		new PrismaBetterSQLite3({ url: sqliteFile(databaseUrl), timeout: 5000 })
	);
	return new PrismaClient({ adapter });
}

let client: Db | undefined;

export function db(): Db {
	client ??= connect(loadConfig().databaseUrl);
	return client;
}

/** Runs one command as one transaction: it all happens, or none of it does. */
export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
	return db().$transaction(work);
}

export async function disconnect(): Promise<void> {
	await client?.$disconnect();
	client = undefined;
	closeBulkRead();
}

// The one database of this process: a PostgreSQL connection pool, shared by the Prisma client and by
// the few modules that send plain SQL (the sync server's update log, the bulk reads). The address is the
// operator's DATABASE_URL, or the embedded server's once the start-up has started it (useDatabase).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../../generated/prisma/client.ts';
import { loadConfig } from './config.ts';
import { countedAdapter } from './query-count.ts';

export type Db = InstanceType<typeof PrismaClient>;
/** A client inside a transaction: what every write function takes. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Connections per process. Requests and the sync server's group commits share them; PostgreSQL's default
 * of 100 connections leaves room for several instances and the operator's own tools.
 */
const POOL_SIZE = 10;

let chosenUrl: string | undefined;
let connections: pg.Pool | undefined;
let client: Db | undefined;

/** Points this process at a database the start-up started itself (the embedded server). */
export function useDatabase(url: string): void {
	if (connections && url !== chosenUrl)
		throw new Error('The database was chosen after it was first used');
	chosenUrl = url;
}

/** The address of this process's database. */
export function databaseUrl(): string {
	const url = chosenUrl ?? loadConfig().databaseUrl;
	if (!url)
		throw new Error(
			'No database: set DATABASE_URL, or start through `npm start`, which runs an embedded PostgreSQL'
		);
	return url;
}

/** The connection pool, for plain parameterised SQL where Prisma would be too slow. */
export function pool(): pg.Pool {
	if (!connections) {
		connections = new pg.Pool({ connectionString: databaseUrl(), max: POOL_SIZE });
		// An idle connection the server closed (a restart, a failover) is dropped from the pool, not thrown.
		connections.on('error', () => undefined);
	}
	return connections;
}

export function db(): Db {
	client ??= new PrismaClient({ adapter: countedAdapter(new PrismaPg(pool())) });
	return client;
}

/** Runs one command as one transaction: it all happens, or none of it does. */
export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
	return db().$transaction(work);
}

export async function disconnect(): Promise<void> {
	await client?.$disconnect();
	await connections?.end();
	client = undefined;
	connections = undefined;
}

// Large reads (the trace of a whole partnership: thousands of priorities and events) through a read-only
// better-sqlite3 connection on the same database file. The query itself takes a few milliseconds; Prisma's
// raw-query path spent ten times that turning ten thousand rows into objects. Reads only: every write
// still goes through Prisma, in its transactions.
import Database from 'better-sqlite3';
import { Prisma } from '../../../generated/prisma/client.ts';
import { loadConfig, sqliteFile } from './config.ts';
import { countQuery } from './query-count.ts';

let reader: Database.Database | undefined;

function connection(): Database.Database {
	reader ??= new Database(sqliteFile(loadConfig().databaseUrl), {
		readonly: true,
		fileMustExist: true
	});
	return reader;
}

/** Dates are stored as ISO text with an explicit UTC offset, as Prisma writes them. */
function bind(value: unknown): unknown {
	return value instanceof Date ? value.toISOString().replace('Z', '+00:00') : value;
}

/**
 * A tagged query, written like `db().$queryRaw` (values and `Prisma.sql` fragments interpolated safely),
 * giving its rows as they are stored: DateTime columns come back as ISO text, booleans as 0/1.
 */
export function bulkRead<T extends unknown[]>(
	strings: TemplateStringsArray,
	...values: unknown[]
): T {
	const query = Prisma.sql(strings, ...values);
	countQuery();
	return connection()
		.prepare(query.sql)
		.all(...query.values.map(bind)) as T;
}

export function closeBulkRead(): void {
	reader?.close();
	reader = undefined;
}

// Large reads (the trace of a whole partnership: thousands of priorities and events) as plain SQL on the
// process's connection pool. The query itself takes a few milliseconds; Prisma's raw-query path spent
// several times that turning ten thousand rows into objects. Reads only: every write goes through
// Prisma, in its transactions. Names are PostgreSQL's: quoted where they have capitals ("lastEventAt").
import { Prisma } from '../../../generated/prisma/client.ts';
import { pool } from './db.ts';
import { countQuery } from './query-count.ts';

/**
 * A tagged query, written like `db().$queryRaw` (values and `Prisma.sql` fragments interpolated safely),
 * giving its rows as node-postgres reads them: timestamps as Dates, bigint counts as text.
 */
export async function bulkRead<T extends unknown[]>(
	strings: TemplateStringsArray,
	...values: unknown[]
): Promise<T> {
	const query = Prisma.sql(strings, ...values);
	countQuery();
	const result = await pool().query({ text: query.text, values: query.values });
	return result.rows as T;
}

/**
 * The same, each row as an array of its columns in the order selected: for the largest reads (the trace's
 * events), where building an object per row is a good part of the cost. Type the row as a labelled tuple.
 */
export async function bulkRows<T extends unknown[][]>(
	strings: TemplateStringsArray,
	...values: unknown[]
): Promise<T> {
	const query = Prisma.sql(strings, ...values);
	countQuery();
	const result = await pool().query({ text: query.text, values: query.values, rowMode: 'array' });
	return result.rows as T;
}

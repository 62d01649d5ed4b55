// Counting the database queries of one request, to keep page loads from drifting back into asking the
// same question many times (tests/integration/query-count.test.ts). Off unless QUERY_COUNT=1: then
// hooks.server.ts runs each request inside `countingQueries` and answers with `x-db-queries` (every
// statement) and `x-db-access-queries` (those asked to build the person's access: memberships, seats,
// roles, the meeting's context). Counted where the SQL is sent: every statement the Prisma adapter runs
// (db.ts) and every bulk read.
import { AsyncLocalStorage } from 'node:async_hooks';

interface Counter {
	queries: number;
	access: number;
}

const counters = new AsyncLocalStorage<Counter>();
const askingAccess = new AsyncLocalStorage<true>();

/** Runs `work` counting the queries it sends; gives its result and the counts. */
export async function countingQueries<T>(work: () => Promise<T>): Promise<{ result: T } & Counter> {
	const counter = { queries: 0, access: 0 };
	const result = await counters.run(counter, work);
	return { result, ...counter };
}

/** Runs `ask`, a question about the person's access, so its queries are counted as such. */
export function accessQuestion<T>(ask: () => Promise<T>): Promise<T> {
	return counters.getStore() ? askingAccess.run(true, ask) : ask();
}

/** Called once per SQL statement sent to the database. */
export function countQuery(): void {
	const counter = counters.getStore();
	if (!counter) return;
	counter.queries++;
	if (askingAccess.getStore()) counter.access++;
}

/** How many writes this process has sent: caches of what the database said (access/) start over when it moves. */
let writes = 0;

export function writeGeneration(): number {
	return writes;
}

const WRITE = /^\s*(insert|update|delete|replace)\b/i;

/** What the wrapper needs of a Prisma driver adapter (its connection, or a transaction on it). */
interface Queryable {
	queryRaw(query: { sql: string }): Promise<unknown>;
	executeRaw(query: { sql: string }): Promise<unknown>;
}

function counted<Q extends Queryable>(target: Q): Q {
	return new Proxy(target, {
		get(object, key) {
			const value = Reflect.get(object, key, object);
			if (key === 'queryRaw' || key === 'executeRaw')
				return (query: { sql: string }) => {
					countQuery();
					if (key === 'executeRaw' || WRITE.test(query.sql)) writes++;
					return (value as (q: unknown) => unknown).call(object, query);
				};
			if (key === 'startTransaction')
				return async (...args: unknown[]) =>
					counted(await (value as (...a: unknown[]) => Promise<Queryable>).apply(object, args));
			return typeof value === 'function' ? value.bind(object) : value;
		}
	});
}

/** The adapter factory with every statement of its connections counted (and writes noted). */
export function countedAdapter<F extends { connect(): Promise<Queryable> }>(factory: F): F {
	return new Proxy(factory, {
		get(object, key) {
			const value = Reflect.get(object, key, object);
			if (key === 'connect') return async () => counted(await object.connect());
			return typeof value === 'function' ? value.bind(object) : value;
		}
	});
}

// Counting the database queries of one request, to keep page loads from drifting back into asking the
// same question many times (tests/integration/query-count.test.ts). Off unless QUERY_COUNT=1: then
// hooks.server.ts runs each request inside `countingQueries` and answers with an `x-db-queries` header.
// Counted where the SQL is sent: every statement the Prisma adapter runs (db.ts) and every bulk read.
import { AsyncLocalStorage } from 'node:async_hooks';

const counters = new AsyncLocalStorage<{ queries: number }>();

/** Runs `work` counting the queries it sends; gives its result and the count. */
export async function countingQueries<T>(
	work: () => Promise<T>
): Promise<{ result: T; queries: number }> {
	const counter = { queries: 0 };
	const result = await counters.run(counter, work);
	return { result, queries: counter.queries };
}

/** Called once per SQL statement sent to the database. */
export function countQuery(): void {
	const counter = counters.getStore();
	if (counter) counter.queries++;
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

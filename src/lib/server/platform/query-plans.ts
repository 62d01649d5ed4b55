// Prisma's query compiler with a memory of the plans it made. Prisma turns each query (a JSON description:
// model, action, arguments, selection) into a plan, in WebAssembly, every time it is asked; the same query
// always gives the same plan, and a server asks the same queries again and again: a person's session on
// each request, their memberships, a meeting by its id. Under the leak sweep (tests/integration) a server
// made 37,565 queries of 631 distinct texts, and compiling them was 38 % of its CPU.
//
// vite.config.ts puts this module in place of Prisma's compiler runtime for the generated client, so every
// client built with the app (the server's and the tests') compiles through it. It re-exports the runtime
// unchanged but for `QueryCompiler.compile`, which keeps the most recently used plans. Values that differ
// per call (new ids, `now()` defaults) are filled in when a plan runs, not when it is made, so a plan is
// safe to reuse; each is frozen, so anything that tried to change a shared plan would fail loudly. Long
// queries (bulk writes, document updates) are compiled each time and not kept. A kept query's text holds its
// values (ids, a password's hash on change) in this process's memory only, as the client itself does while
// it runs the query; nothing is written anywhere.
import { QueryCompiler as PrismaQueryCompiler } from '@prisma/client/runtime/query_compiler_bg.postgresql.js';

export * from '@prisma/client/runtime/query_compiler_bg.postgresql.js';

/** Plans kept per client; a page load asks a few dozen distinct queries, a partnership a few hundred. */
const KEPT_PLANS = 1000;
/** Longer query texts carry data (a document update, a list of rows): they rarely repeat. */
export const LONGEST_KEPT_QUERY = 4000;

function frozen<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) frozen(inner);
	}
	return value;
}

export class QueryCompiler extends PrismaQueryCompiler {
	#plans = new Map<string, unknown>();

	override compile(query: string): unknown {
		if (query.length > LONGEST_KEPT_QUERY) return super.compile(query);
		const kept = this.#plans.get(query);
		if (kept !== undefined) {
			// Most recently used last, so the first key is the one to forget.
			this.#plans.delete(query);
			this.#plans.set(query, kept);
			return kept;
		}
		const plan = frozen(super.compile(query));
		if (this.#plans.size >= KEPT_PLANS) this.#plans.delete(this.#plans.keys().next().value!);
		this.#plans.set(query, plan);
		return plan;
	}
}

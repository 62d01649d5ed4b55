// The part of Prisma's WebAssembly compiler runtime that query-plans.ts uses (the package ships no types
// for it): the compiler turns a query's JSON text into a plan the client then runs.
declare module '@prisma/client/runtime/query_compiler_bg.postgresql.js' {
	export class QueryCompiler {
		constructor(options: unknown);
		compile(query: string): unknown;
	}
}

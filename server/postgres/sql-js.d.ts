// The part of sql.js (SQLite compiled to WebAssembly) that reading the previous version's SQLite file
// uses: the package ships no types of its own.
declare module 'sql.js' {
	export type SqlValue = number | string | Uint8Array | null;

	export interface Statement {
		bind(values?: SqlValue[]): boolean;
		step(): boolean;
		get(): SqlValue[];
		getColumnNames(): string[];
		free(): boolean;
	}

	export interface QueryResult {
		columns: string[];
		values: SqlValue[][];
	}

	export interface Database {
		prepare(sql: string, values?: SqlValue[]): Statement;
		exec(sql: string, values?: SqlValue[]): QueryResult[];
		run(sql: string, values?: SqlValue[]): Database;
		export(): Uint8Array;
		close(): void;
	}

	export interface SqlJsStatic {
		Database: new (data?: ArrayLike<number> | null) => Database;
	}

	export default function initSqlJs(config?: {
		locateFile?: (file: string) => string;
	}): Promise<SqlJsStatic>;
}

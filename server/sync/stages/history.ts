// Stage "record history": who edited which document when (edit sessions), from each stored batch. The
// store runs it inside the transaction that stores the batch, so an update and its editor are kept
// together or not at all.
import type { StoredUpdate } from './store.ts';

/** What the history needs of the store's transaction: to send statements on it. */
export interface Statements {
	query<R extends object = Record<string, unknown>>(
		text: string,
		values?: unknown[]
	): Promise<{ rows: R[] }>;
}

export interface RecordHistory {
	/**
	 * Runs inside the store's transaction; may return what to do once it has committed (an implementation
	 * caching what it wrote must not remember a rolled-back write).
	 */
	record(updates: StoredUpdate[], transaction: Statements): Promise<(() => void) | undefined>;
}

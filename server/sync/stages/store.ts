// Stage "store": every accepted update is stored before anyone else is sent it. Updates are collected and
// written in one transaction (group commit); each caller learns when its update is stored. One batch is
// written at a time, and the next one is taken only when the one before has committed: everything that
// arrived meanwhile goes in it, so under load a transaction carries many updates instead of each update
// waiting for a transaction of its own (one at a time, that capped a document at ~600 stored updates/s).
// Compactions run in the same queue, so a snapshot never races a batch of the same document.
import { COMMIT_WINDOW_MS, MAX_BATCH_UPDATES } from '../limits.ts';

export interface StoredUpdate {
	docName: string;
	data: Uint8Array;
	userId: string | null;
	at: Date;
}

export interface StoreUpdates {
	/**
	 * Stores a batch (and runs the record-history stage on it) in one transaction. Gives each update's
	 * number in the log, which the database assigns (increasing, unique across every instance).
	 */
	append(updates: StoredUpdate[]): Promise<number[]>;
	/**
	 * Folds the document's stored log into its snapshot, in one transaction, so a crash half-way loses
	 * nothing; deletes only the entries it folded in. Returns how many that was.
	 */
	compact(docName: string): Promise<number>;
	close(): void;
}

interface Pending {
	update: StoredUpdate;
	stored: (seq: number) => void;
	failed: (error: unknown) => void;
}

/** A batch waiting for its turn: it takes what is pending when it starts, up to `limit` updates. */
interface QueuedBatch {
	limit: number;
}

export class UpdateWriter {
	#pending: Pending[] = [];
	#cancelCut: (() => void) | undefined;
	#tail: Promise<void> = Promise.resolve();
	#queued: QueuedBatch | undefined;

	constructor(private readonly store: Pick<StoreUpdates, 'append'>) {}

	/** Resolves with its number once the update is stored; rejects if its batch could not be written. */
	write(update: StoredUpdate): Promise<number> {
		return new Promise((stored, failed) => {
			this.#pending.push({ update, stored, failed });
			if (this.#pending.length >= MAX_BATCH_UPDATES) this.#cut();
			else this.#cancelCut ??= this.#scheduleCut();
		});
	}

	/** Runs `work` after everything written so far, and before anything written later. */
	exclusive<T>(work: () => Promise<T>): Promise<T> {
		this.#cut();
		if (this.#queued) {
			// The queued batch takes only what was written before this; later updates wait for `work`.
			this.#queued.limit = Math.min(this.#queued.limit, this.#pending.length);
			this.#queued = undefined;
		}
		const result = this.#tail.then(work);
		this.#tail = result.then(
			() => undefined,
			() => undefined
		);
		return result;
	}

	/** Resolves once everything written so far is stored (or has failed). */
	async flush(): Promise<void> {
		this.#cut();
		let tail;
		do {
			tail = this.#tail;
			await tail;
		} while (tail !== this.#tail);
	}

	#scheduleCut(): () => void {
		if (COMMIT_WINDOW_MS > 0) {
			const timer = setTimeout(() => this.#cut(), COMMIT_WINDOW_MS);
			return () => clearTimeout(timer);
		}
		const immediate = setImmediate(() => this.#cut());
		return () => clearImmediate(immediate);
	}

	/** Queues a batch behind the one being written, unless one is queued already (it will take these too). */
	#cut(): void {
		this.#cancelCut?.();
		this.#cancelCut = undefined;
		if (this.#pending.length === 0 || this.#queued) return;
		const queued: QueuedBatch = { limit: MAX_BATCH_UPDATES };
		this.#queued = queued;
		this.#tail = this.#tail.then(async () => {
			if (this.#queued === queued) this.#queued = undefined;
			const batch = this.#pending.splice(0, queued.limit);
			if (batch.length > 0) {
				try {
					const seqs = await this.store.append(batch.map((p) => p.update));
					batch.forEach((p, i) => p.stored(seqs[i]));
				} catch (error) {
					for (const p of batch) p.failed(error);
				}
			}
			// More than a batch's worth arrived meanwhile: the rest goes next.
			if (this.#pending.length > 0 && !this.#queued) this.#cut();
		});
	}
}

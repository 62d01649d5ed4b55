// Group commit: accepted updates are collected for a few milliseconds and written in one transaction;
// each caller learns when its update is stored. Compactions run in the same queue, so a snapshot never
// races a batch of the same document.
import { COMMIT_WINDOW_MS, MAX_BATCH_UPDATES } from './limits.ts';
import { storeUpdates, type StoredUpdate } from './storage.ts';

interface Pending {
	update: StoredUpdate;
	stored: () => void;
	failed: (error: unknown) => void;
}

export class UpdateWriter {
	#pending: Pending[] = [];
	#cancelCut: (() => void) | undefined;
	#tail: Promise<void> = Promise.resolve();

	constructor(private readonly store: (updates: StoredUpdate[]) => Promise<void> = storeUpdates) {}

	/** Resolves once the update is stored; rejects if its batch could not be written. */
	write(update: StoredUpdate): Promise<void> {
		return new Promise((stored, failed) => {
			this.#pending.push({ update, stored, failed });
			if (this.#pending.length >= MAX_BATCH_UPDATES) this.#cut();
			else this.#cancelCut ??= this.#scheduleCut();
		});
	}

	/** Runs `work` after everything written so far, and before anything written later. */
	exclusive<T>(work: () => Promise<T>): Promise<T> {
		this.#cut();
		const result = this.#tail.then(work);
		this.#tail = result.then(
			() => undefined,
			() => undefined
		);
		return result;
	}

	/** Resolves once everything written so far is stored (or has failed). */
	flush(): Promise<void> {
		this.#cut();
		return this.#tail;
	}

	#scheduleCut(): () => void {
		if (COMMIT_WINDOW_MS > 0) {
			const timer = setTimeout(() => this.#cut(), COMMIT_WINDOW_MS);
			return () => clearTimeout(timer);
		}
		const immediate = setImmediate(() => this.#cut());
		return () => clearImmediate(immediate);
	}

	#cut(): void {
		this.#cancelCut?.();
		this.#cancelCut = undefined;
		const batch = this.#pending.splice(0);
		if (batch.length === 0) return;
		this.#tail = this.#tail.then(async () => {
			try {
				await this.store(batch.map((p) => p.update));
				for (const p of batch) p.stored();
			} catch (error) {
				for (const p of batch) p.failed(error);
			}
		});
	}
}

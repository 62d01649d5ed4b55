// Stage "unload": a document nobody has had open for IDLE_UNLOAD_MS (or every document, on shutdown)
// leaves memory: its connections are closed, what is pending is stored, projected and compacted first.
import { CLOSE, IDLE_UNLOAD_MS } from '../limits.ts';

/** What unloading asks of a room, in order. */
export interface Unloadable {
	closeConnections(code: number, reason: string): void;
	/** Resolves once every change made so far is stored. */
	stored(): Promise<void>;
	/** Runs a pending projection now. */
	projectPending(): Promise<void>;
	/** Waits for a running compaction, then folds whatever log is left. */
	compactRest(): Promise<void>;
	/** Drops the document from memory. */
	end(): void;
}

export async function unload(room: Unloadable): Promise<void> {
	room.closeConnections(CLOSE.restarting, 'document unloaded');
	await room.stored();
	await room.projectPending();
	await room.compactRest();
	room.end();
}

/** Unloads a room once it has been idle (no connections, no server-side readers) for a while. */
export class IdleTimer {
	#timer: NodeJS.Timeout | undefined;

	constructor(private readonly onIdle: () => void) {}

	/** Starts the countdown when `idle`, stops it otherwise. */
	update(idle: boolean): void {
		this.stop();
		if (idle) this.#timer = setTimeout(this.onIdle, IDLE_UNLOAD_MS);
	}

	stop(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}
}

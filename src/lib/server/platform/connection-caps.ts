// How many long-lived connections one person holds (sync sockets, meeting event streams), so one account
// cannot tie up the service. A port: counted in this process by default; with several instances, in Redis
// (server/redis/connection-caps.ts), so the cap holds across them.
import { definePort } from './ports.ts';

/** A place taken under a cap; released when the connection ends. */
export interface Place {
	release(): void;
}

export interface ConnectionCaps {
	/** Takes a place under `key` (e.g. `sync:<userId>`), or null when `limit` places are already held. */
	take(key: string, limit: number): Promise<Place | null>;
}

/** In this process's memory. */
export class InProcessConnectionCaps implements ConnectionCaps {
	#held = new Map<string, number>();

	async take(key: string, limit: number): Promise<Place | null> {
		const held = this.#held.get(key) ?? 0;
		if (held >= limit) return null;
		this.#held.set(key, held + 1);
		let released = false;
		return {
			release: () => {
				if (released) return;
				released = true;
				const left = (this.#held.get(key) ?? 1) - 1;
				if (left > 0) this.#held.set(key, left);
				else this.#held.delete(key);
			}
		};
	}
}

export const connectionCaps = definePort<ConnectionCaps>(
	'connection caps',
	() => new InProcessConnectionCaps()
);

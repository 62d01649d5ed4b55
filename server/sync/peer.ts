// A connection as a room and the fan-out stage see it.
import type { Identity } from './access.ts';

export interface Peer {
	userId: string;
	/** Who presence shows for this connection, whatever its client claims. */
	identity: Identity;
	canWrite: boolean;
	send(frame: Uint8Array): void;
	close(code: number, reason: string): void;
}

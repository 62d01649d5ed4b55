// Stage "fan out": a stored update, a presence change or an answer goes to the connections on the
// document. To this process's own connections always; and, when several instances serve the same
// documents, through a relay to the other instances, which pass it to theirs (server/redis/relay.ts). An
// update is relayed only once it is stored, so no instance sends anyone an update that could be lost.
import type { Peer } from '../peer.ts';

export interface FanOut {
	/** Sends `frame` to every connection in `peers` except `except` (the update's author). */
	send(docName: string, peers: Iterable<Peer>, frame: Uint8Array, except?: unknown): void;
}

export const localFanOut: FanOut = {
	send(_docName, peers, frame, except) {
		for (const peer of peers) if (peer !== except) peer.send(frame);
	}
};

/** A change to a document passed between instances: a stored update (with its number) or presence. */
export type Relayed =
	{ kind: 'update'; seq: number; data: Uint8Array } | { kind: 'awareness'; data: Uint8Array };

export interface Relay {
	/** Whether other instances may hold the same documents (the start-up log says which). */
	readonly shared: boolean;
	/**
	 * Passes other instances' changes to `document` to `deliver`, from the moment the returned promise
	 * resolves (so a document is listened to before it is loaded, and nothing falls between the two).
	 * Gives what stops listening.
	 */
	listen(docName: string, deliver: (change: Relayed) => void): Promise<() => void>;
	/** Tells the other instances of a change made here. */
	publish(docName: string, change: Relayed): void;
}

/** One instance: nobody else to tell. */
export const noRelay: Relay = {
	shared: false,
	listen: async () => () => {},
	publish() {}
};

// Stage "fan out": a stored update, a presence change or an answer goes to the connections on the
// document. In process: the room's own connections. Several instances would add an implementation that
// also passes frames to the other instances' rooms.
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

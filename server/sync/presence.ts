// Which presence (awareness) entries a connection may set: only for client ids it introduced itself,
// never another connection's, and only while the document and the connection stay under their caps.
// Who an entry says the person is comes from the server's session, never from the client.
import type { Identity } from './access.ts';
import type { AwarenessEntry } from './protocol.ts';
import { MAX_AWARENESS_PER_CONNECTION, MAX_AWARENESS_STATES } from './limits.ts';

export interface PresenceView {
	/** Which connection speaks for each client id present in the document. */
	owners: ReadonlyMap<number, unknown>;
	/** How many states the document holds now. */
	states: number;
}

/** The entries to apply from `connection`; the rest are dropped (the frame itself is well-formed). */
export function admitPresence(
	entries: AwarenessEntry[],
	connection: unknown,
	view: PresenceView
): AwarenessEntry[] {
	let states = view.states;
	let mine = 0;
	for (const owner of view.owners.values()) if (owner === connection) mine++;
	const admitted: AwarenessEntry[] = [];
	const seen = new Set<number>();
	for (const entry of entries) {
		if (seen.has(entry.clientId)) continue;
		seen.add(entry.clientId);
		const owner = view.owners.get(entry.clientId);
		if (owner === connection) {
			admitted.push(entry);
			continue;
		}
		if (owner !== undefined || entry.state === 'null') continue;
		if (states >= MAX_AWARENESS_STATES || mine >= MAX_AWARENESS_PER_CONNECTION) continue;
		states++;
		mine++;
		admitted.push(entry);
	}
	return admitted;
}

/**
 * Writes the connection's own name and organisation over whatever its client put in each entry (the
 * app's `name`, and `user` as other Yjs clients use it), so nobody can appear as someone else. A state
 * that is not an object is dropped; a departure ('null') passes as it is.
 */
export function stampPresence(entries: AwarenessEntry[], identity: Identity): AwarenessEntry[] {
	const stamped: AwarenessEntry[] = [];
	for (const entry of entries) {
		if (entry.state === 'null') {
			stamped.push(entry);
			continue;
		}
		let state: unknown;
		try {
			state = JSON.parse(entry.state);
		} catch {
			continue;
		}
		if (typeof state !== 'object' || state === null || Array.isArray(state)) continue;
		const { name, organisation } = identity;
		const user = { name, organisation };
		stamped.push({ ...entry, state: JSON.stringify({ ...state, name, organisation, user }) });
	}
	return stamped;
}

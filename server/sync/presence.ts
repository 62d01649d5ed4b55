// Which presence (awareness) entries a connection may set: only for client ids it introduced itself,
// never another connection's, and only while the document and the connection stay under their caps.
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

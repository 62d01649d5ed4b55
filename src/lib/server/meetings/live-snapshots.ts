// Live views of a meeting shared by everyone who sees it alike. A change to a meeting is composed once for
// each audience (readers who see the same thing: the same restricted papers, or the public) and that one
// copy, its JSON already written, goes to every open page of the audience: the cost of a change grows
// with the number of audiences, not with the number of people watching.
//
// A meeting's snapshots are dropped when its event bus says the record changed, so with several
// instances each drops its own on the same signal; then the streams watching the meeting are told, so
// what they fetch next is new. Structure (a new member, a seat) publishes no meeting change: a snapshot
// is also composed again once it is FRESH_MS old.
import { subscribeRevocations } from '../access/index.ts';
import { subscribeMeeting, type MeetingChange } from './meeting-events.ts';

export interface Snapshot<T> {
	/** Counts the changes this instance has seen to the meeting: which one a view is of, when reading a stream. */
	version: number;
	/** When the latest change it includes was made. */
	asOf: string;
	data: T;
	/** `{ version, asOf, data }` as JSON, written once for every stream that sends it. */
	json: string;
}

const FRESH_MS = 5_000;
/** Meetings whose snapshots are kept; the least recently read go first. */
const MAX_MEETINGS = 200;

interface Entry {
	composedAt: number;
	snapshot: Promise<Snapshot<unknown>>;
}

class MeetingSnapshots {
	version = 0;
	asOf = new Date().toISOString();
	/** Replaced, not cleared, on a change: a composition still running fills the old map. */
	byAudience = new Map<string, Entry>();
	watchers = new Set<(change: MeetingChange) => void>();
	stop: () => void;

	constructor(readonly meetingId: string) {
		this.stop = subscribeMeeting(meetingId, (change) => this.changed(change));
	}

	changed(change: MeetingChange): void {
		this.version++;
		this.asOf = change.at;
		this.byAudience = new Map();
		for (const watcher of [...this.watchers]) watcher(change);
	}
}

const meetings = new Map<string, MeetingSnapshots>();
let watchingRevocations = false;

function snapshotsOf(meetingId: string): MeetingSnapshots {
	let state = meetings.get(meetingId);
	if (state) {
		// Most recently read last, so the first is the one to evict.
		meetings.delete(meetingId);
		meetings.set(meetingId, state);
		return state;
	}
	if (!watchingRevocations) {
		watchingRevocations = true;
		// Someone's organisation, or who may see a paper, changed: which audience they are in, and what
		// an audience sees, may have changed with it.
		subscribeRevocations((signal) => {
			if (signal.kind !== 'rights-changed' && signal.kind !== 'paper-organisations-changed') return;
			const at = new Date().toISOString();
			// A copy: a watcher reading a snapshot moves its meeting to the end of `meetings`, and a Map
			// being iterated would visit it again, and again.
			for (const state of [...meetings.values()])
				state.changed({ meetingId: state.meetingId, what: 'access', at });
		});
	}
	if (meetings.size >= MAX_MEETINGS)
		for (const [id, old] of meetings)
			if (old.watchers.size === 0) {
				old.stop();
				meetings.delete(id);
				break;
			}
	state = new MeetingSnapshots(meetingId);
	meetings.set(meetingId, state);
	return state;
}

/**
 * The meeting's current view for one audience: composed by `compose` at most once per change (and per
 * FRESH_MS), however many ask. Callers decide the audience; `compose` must return the same for everyone
 * in it. A failed composition is not kept.
 */
export function sharedSnapshot<T>(
	meetingId: string,
	audience: string,
	compose: () => Promise<T>
): Promise<Snapshot<T>> {
	const state = snapshotsOf(meetingId);
	const map = state.byAudience;
	const found = map.get(audience);
	if (found && Date.now() - found.composedAt < FRESH_MS)
		return found.snapshot as Promise<Snapshot<T>>;
	const { version, asOf } = state;
	const snapshot = compose().then((data) => ({
		version,
		asOf,
		data,
		json: JSON.stringify({ version, asOf, data })
	}));
	map.set(audience, { composedAt: Date.now(), snapshot });
	snapshot.catch(() => {
		if (map.get(audience)?.snapshot === snapshot) map.delete(audience);
	});
	return snapshot;
}

/**
 * Calls `listener` after each change to the meeting, once its snapshots have been dropped (so a
 * `sharedSnapshot` called from it composes the new record). Returns the way to stop.
 */
export function watchMeeting(
	meetingId: string,
	listener: (change: MeetingChange) => void
): () => void {
	const state = snapshotsOf(meetingId);
	state.watchers.add(listener);
	return () => state.watchers.delete(listener);
}

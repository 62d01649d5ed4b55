// One shared document in the browser: the Y.Doc, its connection to the sync server, its copy on this
// device (y-indexeddb, so edits made offline survive a reload and merge on reconnection) and presence.
// The connection state and the people here are runes, so components re-render when they change.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export type ConnectionState = 'connecting' | 'connected' | 'offline';

export interface Presence {
	clientId: number;
	/** Name and organisation are written by the server from the person's session, not by their client. */
	name: string;
	organisation: string | null;
	colour: string;
	/** The field this person is in, e.g. "agenda:<itemId>:title". */
	field: string | null;
}

export interface Person {
	id: string;
	name: string;
}

const ENDED: Record<number, string> = {
	4401: 'You have been signed out. Sign in again to keep working on this document.',
	4403: 'You may no longer open this document. Reload the page to see what you can open.',
	4429: 'You have too many documents open. Close some tabs, then reload this page.'
};

/** Colours with at least 4.5:1 contrast on white, so names drawn in them stay readable. */
const COLOURS = ['#1d70b8', '#b3261e', '#00703c', '#6f3c97', '#8a4b08', '#0b6e79', '#a7225e'];

export class SharedDocument {
	readonly doc = new Y.Doc();
	readonly name: string;
	state: ConnectionState = $state('connecting');
	/** The server has sent its copy since we connected. */
	synced = $state(false);
	/** This device holds a copy (loaded from and saving to IndexedDB). */
	savedLocally = $state(false);
	people: Presence[] = $state([]);
	/** Why the server ended the connection for good (signed out, no longer allowed), or null. */
	ended: string | null = $state(null);
	readonly readOnly: boolean;
	private provider: WebsocketProvider;
	private local: IndexeddbPersistence;

	constructor(name: string, me: Person, options: { readOnly: boolean }) {
		this.name = name;
		this.readOnly = options.readOnly;
		// Per person, so one person's offline edits are never replayed under someone else's session.
		this.local = new IndexeddbPersistence(`${me.id}:${name}`, this.doc);
		this.local.whenSynced.then(() => (this.savedLocally = true));
		const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
		// Every change goes through the server, which checks rights; tabs do not talk to each other.
		this.provider = new WebsocketProvider(`${protocol}//${location.host}/sync`, name, this.doc, {
			disableBc: true,
			maxBackoffTime: 5000
		});
		this.provider.on('status', ({ status }: { status: string }) => {
			this.state =
				status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline';
			if (status !== 'connected') this.synced = false;
		});
		this.provider.on('sync', (synced: boolean) => (this.synced = synced));
		// The server closes with 44xx when retrying cannot help; the client then stops, and says why.
		this.provider.on(
			'closed',
			({ code }: { code: number }) => (this.ended = ENDED[code] ?? ENDED[4403])
		);
		const awareness = this.provider.awareness;
		awareness.setLocalState({
			name: me.name,
			colour: COLOURS[hash(me.id) % COLOURS.length],
			field: null
		});
		awareness.on('change', () => this.readPeople());
		this.readPeople();
	}

	/** Tells the others which field this person is in (null when they leave it). */
	focus(field: string | null): void {
		this.provider.awareness.setLocalStateField('field', field);
	}

	/**
	 * Applies a change as one transaction; readers' changes are not made at all. `origin` marks changes an
	 * undo manager tracks (it must differ from the provider, which sends every other local change).
	 */
	change(work: () => void, origin: object = this): void {
		if (this.readOnly) return;
		this.doc.transact(work, origin);
	}

	/** Others in the given field, for "Alex is typing here". */
	othersIn(field: string): Presence[] {
		return this.people.filter((p) => p.field === field && p.clientId !== this.doc.clientID);
	}

	destroy(): void {
		this.provider.destroy();
		this.local.destroy();
		this.doc.destroy();
	}

	private readPeople(): void {
		const people: Presence[] = [];
		for (const [clientId, state] of this.provider.awareness.getStates()) {
			if (typeof state?.name !== 'string') continue;
			people.push({
				clientId,
				name: state.name,
				organisation: typeof state.organisation === 'string' ? state.organisation : null,
				colour: typeof state.colour === 'string' ? state.colour : COLOURS[0],
				field: typeof state.field === 'string' ? state.field : null
			});
		}
		this.people = people;
	}
}

function hash(text: string): number {
	let h = 0;
	for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0;
	return h;
}

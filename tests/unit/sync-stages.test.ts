// The sync server's storage, fan-out and relay are stages chosen when it is made (server/sync/pipeline.ts):
// a room runs with any implementation of them. Here an in-memory store, a counting fan-out and an
// in-memory relay stand in for PostgreSQL, the in-process fan-out and Redis, to show that adding an
// implementation is all another storage needs, that the room still stores every update before anyone else
// is sent it, and that two instances' rooms on one document converge without storing anything twice.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncPipeline } from '../../server/sync/pipeline.ts';
import type { Peer } from '../../server/sync/peer.ts';
import { encodeUpdate } from '../../server/sync/protocol.ts';
import { Rooms } from '../../server/sync/rooms.ts';
import { sessionAuthentication } from '../../server/sync/stages/authenticate.ts';
import {
	localFanOut,
	noRelay,
	type FanOut,
	type Relay,
	type Relayed
} from '../../server/sync/stages/fan-out.ts';
import { rebuild } from '../../server/sync/stages/load.ts';
import { UpdateWriter, type StoredUpdate } from '../../server/sync/stages/store.ts';

/** Stores in memory; `append` resolves only when released, so a test can look in between. */
class MemoryStore {
	log: (StoredUpdate & { seq: number })[] = [];
	#release: Array<() => void> = [];
	hold = false;

	async load(docName: string) {
		const rows = this.log.filter((u) => u.docName === docName);
		const doc = rebuild(
			null,
			rows.map((u) => u.data)
		);
		const logBytes = rows.reduce((sum, u) => sum + u.data.length, 0);
		return { doc, logCount: rows.length, logBytes };
	}

	async append(updates: StoredUpdate[]): Promise<number[]> {
		if (this.hold) await new Promise<void>((release) => this.#release.push(release));
		const stored = updates.map((u) => ({ ...u, seq: this.log.length + 1 }));
		this.log.push(...stored);
		return stored.map((u) => u.seq);
	}

	async compact(): Promise<number> {
		return 0;
	}

	close(): void {}

	release(): void {
		this.hold = false;
		for (const release of this.#release.splice(0)) release();
	}
}

function peer(userId: string, canWrite: boolean) {
	const received: Uint8Array[] = [];
	const p: Peer = {
		userId,
		identity: { name: userId, organisation: 'Test' },
		canWrite,
		send: (frame) => void received.push(frame),
		close: () => undefined
	};
	return { peer: p, received };
}

function pipeline(
	store: MemoryStore,
	fanOut: FanOut = localFanOut,
	relay: Relay = noRelay
): SyncPipeline {
	return {
		authenticate: sessionAuthentication,
		load: store,
		store,
		fanOut,
		relay,
		project: { project: async () => undefined }
	};
}

/** Instances joined as Redis joins them: what one publishes reaches the others' listeners. */
class MemoryRelays {
	#listeners = new Set<{ from: Relay; docName: string; deliver: (change: Relayed) => void }>();

	relay(): Relay {
		const relay: Relay = {
			shared: true,
			listen: async (docName, deliver) => {
				const listener = { from: relay, docName, deliver };
				this.#listeners.add(listener);
				return () => this.#listeners.delete(listener);
			},
			publish: (docName, change) => {
				for (const l of this.#listeners)
					if (l.from !== relay && l.docName === docName) l.deliver(change);
			}
		};
		return relay;
	}
}

const until = async (condition: () => boolean) => {
	while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

describe('the sync pipeline with other stage implementations', () => {
	it('stores an update in the chosen store before the other connections are sent it', async () => {
		const store = new MemoryStore();
		const rooms = new Rooms(new UpdateWriter(store), pipeline(store));
		const room = await rooms.open('meeting:m1:agenda');
		const writer = peer('writer', true);
		const reader = peer('reader', false);
		room.join(writer.peer);
		room.join(reader.peer);

		const edit = new Y.Doc();
		edit.getText('t').insert(0, 'Item 1: apologies');
		const update = Y.encodeStateAsUpdate(edit);
		store.hold = true;
		room.receive(writer.peer, { kind: 'sync-update', update });
		await new Promise((resolve) => setImmediate(resolve));
		expect(reader.received).toHaveLength(0);

		store.release();
		await until(() => reader.received.length > 0);
		expect(store.log).toHaveLength(1);
		expect(store.log[0]).toMatchObject({ docName: 'meeting:m1:agenda', userId: 'writer' });
		expect(reader.received).toEqual([encodeUpdate(store.log[0].data)]);
		await rooms.unloadAll();
	});

	it('reloads a document from the chosen store, and fans out through the chosen fan-out', async () => {
		const store = new MemoryStore();
		const sent: string[] = [];
		const counting: FanOut = {
			send(docName, peers, frame, except) {
				sent.push(docName);
				localFanOut.send(docName, peers, frame, except);
			}
		};
		const rooms = new Rooms(new UpdateWriter(store), pipeline(store, counting));
		const first = await rooms.open('meeting:m2:minutes');
		const writer = peer('writer', true);
		first.join(writer.peer);
		const edit = new Y.Doc();
		edit.getText('t').insert(0, 'The board met at ten.');
		first.receive(writer.peer, { kind: 'sync-update', update: Y.encodeStateAsUpdate(edit) });
		await first.stored();
		await rooms.unloadAll();
		expect(sent).toContain('meeting:m2:minutes');

		const again = await rooms.open('meeting:m2:minutes');
		expect(again).not.toBe(first);
		expect(again.doc.getText('t').toString()).toBe('The board met at ten.');
		await rooms.unloadAll();
	});

	it('relays stored updates to another instance holding the document, which sends them on but stores nothing', async () => {
		const store = new MemoryStore();
		const relays = new MemoryRelays();
		const a = new Rooms(new UpdateWriter(store), pipeline(store, localFanOut, relays.relay()));
		const b = new Rooms(new UpdateWriter(store), pipeline(store, localFanOut, relays.relay()));
		const onA = await a.open('meeting:m3:minutes');
		const onB = await b.open('meeting:m3:minutes');
		const writer = peer('writer', true);
		const reader = peer('reader', false);
		onA.join(writer.peer);
		onB.join(reader.peer);
		const sentBefore = reader.received.length;

		const edit = new Y.Doc();
		edit.getText('t').insert(0, 'Item 2: the locality plan');
		store.hold = true;
		onA.receive(writer.peer, { kind: 'sync-update', update: Y.encodeStateAsUpdate(edit) });
		await new Promise((resolve) => setImmediate(resolve));
		// Not stored yet: instance B has not been told.
		expect(onB.doc.getText('t').toString()).toBe('');
		store.release();
		await until(() => onB.doc.getText('t').toString() !== '');
		expect(onB.doc.getText('t').toString()).toBe('Item 2: the locality plan');
		expect(reader.received.length).toBeGreaterThan(sentBefore);
		await onB.stored();
		expect(store.log).toHaveLength(1);

		// And back: an edit on B reaches A, still stored once.
		const reply = new Y.Doc();
		Y.applyUpdate(reply, Y.encodeStateAsUpdate(onB.doc));
		reply.getText('t').insert(0, 'Agreed. ');
		const writerOnB = peer('writer-b', true);
		onB.join(writerOnB.peer);
		onB.receive(writerOnB.peer, {
			kind: 'sync-update',
			update: Y.encodeStateAsUpdate(reply, Y.encodeStateVector(onB.doc))
		});
		await until(() => onA.doc.getText('t').toString().startsWith('Agreed.'));
		await Promise.all([onA.stored(), onB.stored()]);
		expect(store.log).toHaveLength(2);
		await Promise.all([a.unloadAll(), b.unloadAll()]);
	});
});

// The sync server's storage and fan-out are stages chosen when it is made (server/sync/pipeline.ts): a room
// runs with any implementation of them. Here an in-memory store and a counting fan-out stand in for SQLite
// and the in-process fan-out, to show that adding an implementation is all another storage needs, and
// that the room still stores every update before anyone else is sent it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncPipeline } from '../../server/sync/pipeline.ts';
import type { Peer } from '../../server/sync/peer.ts';
import { encodeUpdate } from '../../server/sync/protocol.ts';
import { Rooms } from '../../server/sync/rooms.ts';
import { sessionAuthentication } from '../../server/sync/stages/authenticate.ts';
import { localFanOut, type FanOut } from '../../server/sync/stages/fan-out.ts';
import { rebuild } from '../../server/sync/stages/load.ts';
import { UpdateWriter, type StoredUpdate } from '../../server/sync/stages/store.ts';

/** Stores in memory; `append` resolves only when released, so a test can look in between. */
class MemoryStore {
	log: StoredUpdate[] = [];
	#release: Array<() => void> = [];
	hold = false;

	async load(docName: string) {
		const rows = this.log.filter((u) => u.docName === docName);
		const doc = rebuild(
			null,
			rows.map((u) => u.data)
		);
		const logBytes = rows.reduce((sum, u) => sum + u.data.length, 0);
		return { doc, seq: rows.at(-1)?.seq ?? 0, logCount: rows.length, logBytes };
	}

	async append(updates: StoredUpdate[]): Promise<void> {
		if (this.hold) await new Promise<void>((release) => this.#release.push(release));
		this.log.push(...updates);
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

function pipeline(store: MemoryStore, fanOut: FanOut = localFanOut): SyncPipeline {
	return {
		authenticate: sessionAuthentication,
		load: store,
		store,
		fanOut,
		project: { project: async () => undefined }
	};
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
		expect(store.log[0]).toMatchObject({ docName: 'meeting:m1:agenda', seq: 1, userId: 'writer' });
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
});

// The documents this process has loaded, one Room each: opened on first use (loaded before anyone is
// answered), reopened after an unload, and unloaded all at once on shutdown.
import type * as Y from 'yjs';
import { Room } from './room.ts';
import type { SyncPipeline } from './pipeline.ts';
import type { UpdateWriter } from './stages/store.ts';

export class Rooms {
	#rooms = new Map<string, Room>();

	constructor(
		private readonly writer: UpdateWriter,
		private readonly pipeline: SyncPipeline
	) {}

	/** The loaded document; throws if it cannot be loaded (the caller answers with an error, never empty). */
	async open(docName: string): Promise<Room> {
		for (;;) {
			let room = this.#rooms.get(docName);
			if (!room) {
				const created = new Room(docName, this.writer, this.pipeline);
				this.#rooms.set(docName, created);
				void created.gone.then(() => {
					if (this.#rooms.get(docName) === created) this.#rooms.delete(docName);
				});
				room = created;
			}
			if (room.state === 'unloading') {
				await room.gone;
				continue;
			}
			await room.loaded;
			if (room.state === 'ready') return room;
		}
	}

	/**
	 * Runs `read` on the server's copy of a document once every change made so far is stored, keeping
	 * the document loaded meanwhile. For reading: recording a decision freezes its wording from here.
	 */
	async withDocument<T>(docName: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
		const room = await this.open(docName);
		room.holds++;
		try {
			await room.stored();
			return await read(room.doc);
		} finally {
			room.release();
		}
	}

	get size(): number {
		return this.#rooms.size;
	}

	/** Unloads every document: pending updates stored, logs compacted. */
	async unloadAll(): Promise<void> {
		await Promise.all([...this.#rooms.values()].map((room) => room.unload()));
		await this.writer.flush();
	}
}

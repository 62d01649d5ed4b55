// One shared document in memory and the connections editing it, running the pipeline's stages in order
// (pipeline.ts): load it, apply accepted updates, store each one (through the group-commit writer) before
// anyone else is sent it, fan out, project, share presence, compact the log, and unload when nobody has had
// it open for a while. Which storage and fan-out it uses is the pipeline's choice, not the room's. When
// other instances hold the same document, the relay brings their stored updates and presence here (origin
// RELAYED): they are applied and sent to this room's connections, never stored or relayed again.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { log } from '../../src/lib/server/platform/index.ts';
import { CLOSE, COMPACT_AFTER_BYTES, COMPACT_AFTER_UPDATES } from './limits.ts';
import type { Peer } from './peer.ts';
import type { SyncPipeline } from './pipeline.ts';
import { admitPresence, stampPresence } from './presence.ts';
import {
	encodeAwareness,
	encodeAwarenessPayload,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	type Message
} from './protocol.ts';
import { applyUpdate } from './stages/apply.ts';
import type { Relayed } from './stages/fan-out.ts';
import { ProjectionSchedule } from './stages/project.ts';
import type { UpdateWriter } from './stages/store.ts';
import { IdleTimer, unload, type Unloadable } from './stages/unload.ts';

/** A frame waiting for the updates before it to be stored: sent to one peer, or to all but one. */
interface Outgoing {
	seq: number;
	frame: Uint8Array;
	to?: Peer;
	except?: unknown;
}

export type RoomState = 'loading' | 'ready' | 'unloading' | 'gone';

/** The origin of changes another instance made (and stored), applied here from the relay. */
const RELAYED = Symbol('relayed from another instance');
/** How many relayed update numbers a room remembers, to skip one delivered twice. */
const SEEN_RELAYED = 1024;

export class Room implements Unloadable {
	state: RoomState = 'loading';
	doc = new Y.Doc();
	awareness = new awarenessProtocol.Awareness(this.doc);
	readonly peers = new Set<Peer>();
	/** Server-side readers (withDocument) keeping the document loaded. */
	holds = 0;
	readonly loaded: Promise<void>;
	readonly gone: Promise<void>;
	#markGone!: () => void;
	#seq = 0;
	#storedSeq = 0;
	#outbox: Outgoing[] = [];
	#logCount = 0;
	#logBytes = 0;
	#compacting: Promise<void> | undefined;
	#owners = new Map<number, Peer>();
	#idle = new IdleTimer(() => void this.unload());
	#projection: ProjectionSchedule;
	#ended = false;
	/** Relayed changes that arrived while the document was loading, applied once it has. */
	#early: Relayed[] | undefined = [];
	#seenRelayed = new Set<number>();
	#stopListening: () => void = () => {};

	constructor(
		readonly docName: string,
		private readonly writer: UpdateWriter,
		private readonly pipeline: SyncPipeline
	) {
		this.#projection = new ProjectionSchedule(pipeline.project, docName, () => this.doc);
		this.gone = new Promise((resolve) => (this.#markGone = resolve));
		this.loaded = this.#load();
	}

	async #load(): Promise<void> {
		try {
			// Listening first: what other instances store from now on arrives here, the rest is loaded.
			this.#stopListening = await this.pipeline.relay.listen(this.docName, (change) =>
				this.#relayed(change)
			);
			const stored = await this.pipeline.load.load(this.docName);
			this.doc.destroy();
			this.awareness.destroy();
			this.doc = stored.doc;
			this.awareness = new awarenessProtocol.Awareness(this.doc);
			this.awareness.setLocalState(null);
			this.#logCount = stored.logCount;
			this.#logBytes = stored.logBytes;
		} catch (error) {
			this.#end();
			throw error;
		}
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#accepted(update, origin));
		this.awareness.on('update', (change: PresenceChange, origin: unknown) =>
			this.#presenceChanged(change, origin)
		);
		this.state = 'ready';
		const early = this.#early ?? [];
		this.#early = undefined;
		for (const change of early) this.#relayed(change);
		this.#scheduleIdle();
	}

	/** Another instance's stored update or presence change: applied here, sent to this room's peers. */
	#relayed(change: Relayed): void {
		if (this.#early) return void this.#early.push(change);
		if (this.state === 'gone') return;
		if (change.kind === 'awareness') {
			awarenessProtocol.applyAwarenessUpdate(this.awareness, change.data, RELAYED);
			return;
		}
		if (this.#seenRelayed.has(change.seq)) return;
		this.#seenRelayed.add(change.seq);
		if (this.#seenRelayed.size > SEEN_RELAYED)
			this.#seenRelayed.delete(this.#seenRelayed.values().next().value!);
		try {
			Y.applyUpdate(this.doc, change.data, RELAYED);
		} catch (error) {
			log.error(
				{ err: error, docName: this.docName },
				'sync: a relayed update could not be applied'
			);
		}
	}

	join(peer: Peer): void {
		if (this.state !== 'ready') throw new Error(`document ${this.docName} is ${this.state}`);
		this.#idle.stop();
		this.peers.add(peer);
		// Only writers are asked for what they have that the server lacks; readers' updates are discarded.
		if (peer.canWrite) peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
		const present = [...this.awareness.getStates().keys()];
		if (present.length > 0)
			peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)));
	}

	leave(peer: Peer): void {
		if (!this.peers.delete(peer)) return;
		const owned = [...this.#owners].filter(([, owner]) => owner === peer).map(([id]) => id);
		if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, null);
		this.#scheduleIdle();
	}

	/** Acts on one decoded, authorised message from a peer. */
	receive(peer: Peer, message: Message): void {
		switch (message.kind) {
			case 'sync-step1':
				return this.#sendWhenStored(
					peer,
					encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector))
				);
			case 'sync-step2':
			case 'sync-update':
				return this.#apply(peer, message.update);
			case 'awareness': {
				const admitted = stampPresence(
					admitPresence(message.entries, peer, {
						owners: this.#owners,
						states: this.awareness.getStates().size
					}),
					peer.identity
				);
				if (admitted.length === 0) return;
				awarenessProtocol.applyAwarenessUpdate(
					this.awareness,
					encodeAwarenessPayload(admitted),
					peer
				);
				return;
			}
			case 'query-awareness':
				return peer.send(
					encodeAwareness(
						awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
							...this.awareness.getStates().keys()
						])
					)
				);
		}
	}

	#apply(peer: Peer, update: Uint8Array): void {
		if (peer.canWrite) applyUpdate(this.doc, update, peer);
	}

	/**
	 * Every change to the document, from a peer or from the server, is stored and then fanned out (to this
	 * room's peers and, through the relay, to other instances). One relayed here is stored already.
	 */
	#accepted(update: Uint8Array, origin: unknown): void {
		if (this.state === 'gone') return;
		if (origin === RELAYED) {
			this.pipeline.fanOut.send(this.docName, this.peers, encodeUpdate(update));
			return;
		}
		// Local order: frames leave in the order their updates were made, each once it is stored.
		const seq = ++this.#seq;
		const author = this.peers.has(origin as Peer) ? (origin as Peer) : undefined;
		this.#outbox.push({ seq, frame: encodeUpdate(update), except: origin });
		this.writer
			.write({
				docName: this.docName,
				data: update,
				userId: author?.userId ?? null,
				at: new Date()
			})
			.then(
				(stored) => {
					this.pipeline.relay.publish(this.docName, { kind: 'update', seq: stored, data: update });
					this.#stored(seq, update.length);
				},
				(error) => this.#failed(error)
			);
	}

	#stored(seq: number, bytes: number): void {
		if (this.state === 'gone') return;
		this.#storedSeq = Math.max(this.#storedSeq, seq);
		this.#logCount++;
		this.#logBytes += bytes;
		this.#flushOutbox();
		this.#projection.schedule();
		if (this.#overThreshold()) void this.compact();
	}

	/** Once an update cannot be stored, nobody may be sent it: the peers reconnect and resend. */
	#failed(error: unknown): void {
		if (this.state === 'gone') return;
		log.error({ err: error, docName: this.docName }, 'sync: updates could not be stored');
		for (const peer of this.peers) peer.close(CLOSE.internalError, 'could not store the update');
		this.#end();
	}

	#sendWhenStored(peer: Peer, frame: Uint8Array): void {
		if (this.#outbox.length === 0 && this.#storedSeq >= this.#seq) peer.send(frame);
		else this.#outbox.push({ seq: this.#seq, frame, to: peer });
	}

	#flushOutbox(): void {
		while (this.#outbox.length > 0 && this.#outbox[0].seq <= this.#storedSeq) {
			const { frame, to, except } = this.#outbox.shift()!;
			if (to) {
				if (this.peers.has(to)) to.send(frame);
				continue;
			}
			this.pipeline.fanOut.send(this.docName, this.peers, frame, except);
		}
	}

	/** Resolves once every change made so far is stored. */
	async stored(): Promise<void> {
		await this.writer.flush();
	}

	#presenceChanged(change: PresenceChange, origin: unknown): void {
		const changed = change.added.concat(change.updated, change.removed);
		if (this.peers.has(origin as Peer)) {
			for (const id of change.added) this.#owners.set(id, origin as Peer);
		}
		for (const id of change.removed) this.#owners.delete(id);
		const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
		this.pipeline.fanOut.send(this.docName, this.peers, encodeAwareness(update));
		if (origin !== RELAYED)
			this.pipeline.relay.publish(this.docName, { kind: 'awareness', data: update });
	}

	#overThreshold(): boolean {
		return this.#logCount >= COMPACT_AFTER_UPDATES || this.#logBytes >= COMPACT_AFTER_BYTES;
	}

	/** Folds the stored log into the snapshot; failures are logged (the log stays, nothing is lost). */
	compact(): Promise<void> {
		this.#compacting ??= (async () => {
			const [count, bytes] = [this.#logCount, this.#logBytes];
			try {
				await this.writer.exclusive(() => this.pipeline.store.compact(this.docName));
				this.#logCount -= count;
				this.#logBytes -= bytes;
			} catch (error) {
				log.error({ err: error, docName: this.docName }, 'sync: compaction failed');
			} finally {
				this.#compacting = undefined;
			}
			// Updates stored while compacting may already be over the threshold again.
			if (this.state === 'ready' && this.#overThreshold()) await this.compact();
		})();
		return this.#compacting;
	}

	#scheduleIdle(): void {
		this.#idle.update(this.state === 'ready' && this.peers.size === 0 && this.holds === 0);
	}

	release(): void {
		this.holds--;
		this.#scheduleIdle();
	}

	/** Stores what is pending, projects and compacts, then drops the document from memory. */
	async unload(): Promise<void> {
		if (this.state === 'loading') await this.loaded.catch(() => undefined);
		if (this.state !== 'ready') return this.gone;
		this.state = 'unloading';
		this.#idle.stop();
		await unload(this);
	}

	closeConnections(code: number, reason: string): void {
		for (const peer of this.peers) peer.close(code, reason);
		this.peers.clear();
	}

	async projectPending(): Promise<void> {
		if (this.#projection.pending) await this.#projection.run();
	}

	async compactRest(): Promise<void> {
		await this.#compacting;
		if (this.#logCount > 0 && (this.state as RoomState) === 'unloading') await this.compact();
	}

	end(): void {
		this.#end();
	}

	#end(): void {
		if (this.#ended) return;
		this.#ended = true;
		this.state = 'gone';
		this.#stopListening();
		this.#idle.stop();
		this.#projection.cancel();
		this.#outbox = [];
		this.peers.clear();
		this.awareness.destroy();
		this.doc.destroy();
		this.#markGone();
	}
}

interface PresenceChange {
	added: number[];
	updated: number[];
	removed: number[];
}

// The open connections and who holds them, so rights taken away reach them (access/revocation.ts) and one
// person cannot hold more than MAX_CONNECTIONS_PER_PERSON (platform/connection-caps.ts counts them). On a signal, every connection it concerns is
// held at once (its frames wait), its rights are asked again, and it is closed, made read-only or let go
// on; the whole takes milliseconds, well inside the second the product promises.
import type { Actor } from '../../src/lib/server/access/index.ts';
import { connectionCaps, log, type Place } from '../../src/lib/server/platform/index.ts';
import {
	signalUserId,
	subscribeRevocations,
	type RevocationSignal
} from '../../src/lib/server/access/index.ts';
import { parseDocumentName } from '../../src/lib/collab/documents.ts';
import type { ConnectionHandle } from './connection.ts';
import { CLOSE, MAX_CONNECTIONS_PER_PERSON, RECHECK_EVERY_MS } from './limits.ts';
import type { Authenticate } from './stages/authenticate.ts';

interface Held {
	actor: Actor;
	handle: ConnectionHandle;
}

export class ConnectionGuard {
	#held = new Set<Held>();
	/** Signals seen so far, so a connection authorised while one arrived is checked again. */
	#signals = 0;
	#unsubscribe: () => void;
	#sweep: NodeJS.Timeout;

	constructor(private readonly authenticate: Authenticate) {
		this.#unsubscribe = subscribeRevocations((signal) => this.#revoke(signal));
		this.#sweep = setInterval(() => {
			for (const held of this.#held) this.#recheck(held);
		}, RECHECK_EVERY_MS);
		this.#sweep.unref();
	}

	get signalCount(): number {
		return this.#signals;
	}

	/**
	 * Takes a place for `userId`, or null when they hold the most one person may (across instances, when
	 * they share Redis); the place is released when the connection ends.
	 */
	admit(userId: string): Promise<Place | null> {
		return connectionCaps.use().take(`sync:${userId}`, MAX_CONNECTIONS_PER_PERSON);
	}

	/**
	 * Watches an open connection. `authorisedAt` is signalCount from before its rights were checked: a
	 * signal since then may have been missed, so the connection is checked again at once.
	 */
	watch(actor: Actor, handle: ConnectionHandle, authorisedAt: number): void {
		const held = { actor, handle };
		this.#held.add(held);
		void handle.closed.then(() => this.#held.delete(held));
		if (authorisedAt !== this.#signals) this.#recheck(held);
	}

	close(): void {
		this.#unsubscribe();
		clearInterval(this.#sweep);
	}

	#revoke(signal: RevocationSignal): void {
		this.#signals++;
		const userId = signalUserId(signal);
		for (const held of this.#held) {
			if (userId !== null ? held.actor.userId === userId : onPaper(held, signal))
				this.#recheck(held);
		}
	}

	#recheck(held: Held): void {
		held.handle.hold();
		this.authenticate.recheck(held.actor, held.handle.docName).then(
			(outcome) => held.handle.settle(outcome),
			(error) => {
				// Unable to ask: the safe answer is to close; the client reconnects and is asked afresh.
				log.error(
					{ err: error, docName: held.handle.docName },
					'sync: rights could not be checked'
				);
				held.handle.settle({ ok: false, code: CLOSE.tryAgainLater, reason: 'try again' });
			}
		);
	}
}

function onPaper(held: Held, signal: RevocationSignal): boolean {
	if (signal.kind !== 'paper-organisations-changed') return false;
	return parseDocumentName(held.handle.docName)?.evidenceItemId === signal.evidenceId;
}

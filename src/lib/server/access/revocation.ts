// Rights that were taken away must reach the connections that hold them: an open WebSocket or event
// stream was authorised once, when it opened, so every command that narrows what someone may do
// publishes a revocation signal after its transaction commits, and the sync server and the event streams
// re-check the connections it names.
//
// The signal goes through a port (platform/ports.ts), in process by default. When the workspace runs as
// several instances, a Redis (or Postgres LISTEN/NOTIFY) implementation of the same port is installed at
// start-up: signals are plain JSON so they cross processes as they are, and each instance re-checks only
// its own connections. In process, subscribers run before publish returns, so a connection is already
// held when the command's response goes out; across processes the signal lands milliseconds later, still
// well inside the second the product promises.
import { EventEmitter } from 'node:events';
import type { Actor } from './actor.ts';
import { db } from '../platform/index.ts';
import { definePort, log } from '../platform/index.ts';

export type RevocationSignal =
	/** One browser signed out (or its session was ended by its owner). */
	| { kind: 'session-ended'; sessionId: string; userId: string }
	/** Every session of a person ended at once, e.g. by a password change. */
	| { kind: 'signed-out-everywhere'; userId: string }
	/** A personal access token was revoked. */
	| { kind: 'token-revoked'; tokenId: string; userId: string }
	/** Role, organisation, membership or seats changed: what the person may read or write is recomputed. */
	| { kind: 'rights-changed'; userId: string }
	/** The organisations named on a restricted paper changed: everyone on its document is re-checked. */
	| { kind: 'paper-organisations-changed'; evidenceId: string; meetingId: string };

/** The port: a Redis implementation would publish to a channel and call subscribers on each message. */
export interface RevocationChannel {
	publish(signal: RevocationSignal): void;
	subscribe(listener: (signal: RevocationSignal) => void): () => void;
}

/** In this process only; subscribers are called synchronously, before publish returns. */
export class InProcessRevocationChannel implements RevocationChannel {
	#bus = new EventEmitter();

	constructor() {
		// One listener per sync server and per open event stream; there is no leak to warn about.
		this.#bus.setMaxListeners(0);
	}

	publish(signal: RevocationSignal): void {
		this.#bus.emit('signal', signal);
	}

	subscribe(listener: (signal: RevocationSignal) => void): () => void {
		const guarded = (signal: RevocationSignal) => {
			try {
				listener(signal);
			} catch (error) {
				log.error({ err: error, signal }, 'revocation: a subscriber failed');
			}
		};
		this.#bus.on('signal', guarded);
		return () => this.#bus.off('signal', guarded);
	}
}

export const revocations = definePort<RevocationChannel>(
	'revocation channel',
	() => new InProcessRevocationChannel()
);

/** Call after the change is committed, never inside the transaction: a rolled-back change revokes nothing. */
export function publishRevocation(...signals: RevocationSignal[]): void {
	for (const signal of signals) revocations.use().publish(signal);
}

export function subscribeRevocations(listener: (signal: RevocationSignal) => void): () => void {
	return revocations.use().subscribe(listener);
}

/** The person a signal is about, or null for a signal about a paper. */
export function signalUserId(signal: RevocationSignal): string | null {
	return 'userId' in signal ? signal.userId : null;
}

/**
 * Whether the session or token a connection was opened with is still live: checked by its id, since an
 * open connection keeps no secret. Ended sessions are deleted, revoked tokens marked.
 */
export async function stillSignedIn(actor: Actor): Promise<boolean> {
	const now = new Date();
	if (actor.via.kind === 'session') {
		const session = await db().session.findUnique({
			where: { id: actor.via.sessionId },
			select: { userId: true, expiresAt: true }
		});
		return session?.userId === actor.userId && session.expiresAt > now;
	}
	const token = await db().accessToken.findUnique({
		where: { id: actor.via.tokenId },
		select: { userId: true, revokedAt: true, expiresAt: true }
	});
	return token?.userId === actor.userId && token.revokedAt === null && token.expiresAt > now;
}

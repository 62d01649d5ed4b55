// Telling everyone looking at a meeting that its record changed. Commands publish after their transaction
// commits; the meeting's event stream (server-sent events) passes each change on, and the pages reload
// their live data. The bus is a port (platform/ports.ts): in process by default; with several instances,
// one over Redis or Postgres LISTEN/NOTIFY is installed at start-up instead.
import { EventEmitter } from 'node:events';
import { DomainError, connectionCaps, definePort } from '../platform/index.ts';
import type { Actor } from '../access/index.ts';
import { meetingContext } from '../access/index.ts';
import { stillSignedIn, subscribeRevocations, signalUserId } from '../access/index.ts';

export interface MeetingChange {
	meetingId: string;
	/** What changed, e.g. "attendance", "queue", "challenge", "decision". */
	what: string;
	at: string;
}

/** The port. Changes are plain JSON, so they cross processes as they are. */
export interface MeetingEventBus {
	publish(change: MeetingChange): void;
	subscribe(meetingId: string, listener: (change: MeetingChange) => void): () => void;
}

/** In this process only; listeners are called before publish returns. */
export class InProcessMeetingEvents implements MeetingEventBus {
	#bus = new EventEmitter();

	constructor() {
		// One listener per open live page; there is no leak to warn about.
		this.#bus.setMaxListeners(0);
	}

	publish(change: MeetingChange): void {
		this.#bus.emit(`meeting:${change.meetingId}`, change);
	}

	subscribe(meetingId: string, listener: (change: MeetingChange) => void): () => void {
		const name = `meeting:${meetingId}`;
		this.#bus.on(name, listener);
		return () => this.#bus.off(name, listener);
	}
}

export const meetingEvents = definePort<MeetingEventBus>(
	'meeting events',
	() => new InProcessMeetingEvents()
);

/** Call after the change is committed, never inside the transaction. */
export function publishMeetingChange(meetingId: string, what: string): void {
	meetingEvents.use().publish({ meetingId, what, at: new Date().toISOString() });
}

export function subscribeMeeting(
	meetingId: string,
	listener: (change: MeetingChange) => void
): () => void {
	return meetingEvents.use().subscribe(meetingId, listener);
}

const KEEPALIVE_MS = 20_000;
const RECHECK_EVERY_MS = 5 * 60 * 1000;

function fromEnv(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Event streams one person may hold open at once: one per open meeting page, so a dozen tabs
 * plus reconnections in flight, and far below what would let one account tie up the server.
 * EVENT_STREAMS_PER_PERSON lowers it for tests.
 */
export const MAX_EVENT_STREAMS_PER_PERSON = fromEnv('EVENT_STREAMS_PER_PERSON', 20);

export class TooManyStreams extends DomainError {
	constructor() {
		super(
			429,
			'too_many_connections',
			`You have ${MAX_EVENT_STREAMS_PER_PERSON} live pages open already. Close some, then reload this one.`
		);
	}
}

/** Who is following a stream, and how to ask again whether they still may. */
export interface StreamHolder {
	userId: string;
	/** Re-run on every revocation signal about this person; false ends the stream. */
	stillAllowed(): Promise<boolean>;
}

/**
 * A text/event-stream of a meeting's changes: a "change" event for each, and a comment now and then so
 * proxies keep the connection open. Closes when the client goes away, and when its holder loses the
 * right to follow the meeting (a "closed" event first, saying why). Throws TooManyStreams over the cap.
 */
export async function meetingEventStream(
	meetingId: string,
	signal: AbortSignal,
	holder?: StreamHolder
): Promise<Response> {
	// The cap counts across instances when they share Redis (platform/connection-caps.ts).
	const place = holder
		? await connectionCaps.use().take(`events:${holder.userId}`, MAX_EVENT_STREAMS_PER_PERSON)
		: undefined;
	if (place === null) throw new TooManyStreams();
	const encoder = new TextEncoder();
	let stop = () => {};
	let stopped = false;
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			send('retry: 1000\n: connected\n\n');
			const unsubscribe = subscribeMeeting(meetingId, (change) =>
				send(`event: change\ndata: ${JSON.stringify(change)}\n\n`)
			);
			const recheck = () =>
				holder!.stillAllowed().then(
					(allowed) => {
						if (allowed || stopped) return;
						send('event: closed\ndata: {"reason":"no longer allowed"}\n\n');
						stop();
					},
					() => stop()
				);
			const unsubscribeRevocations = holder
				? subscribeRevocations((revoked) => {
						if (signalUserId(revoked) === holder.userId) void recheck();
					})
				: () => {};
			const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS);
			// Asked again now and then too, so a session that simply expired ends its stream.
			const periodic = holder ? setInterval(() => void recheck(), RECHECK_EVERY_MS) : undefined;
			stop = () => {
				if (stopped) return;
				stopped = true;
				unsubscribe();
				unsubscribeRevocations();
				clearInterval(keepalive);
				clearInterval(periodic);
				place?.release();
				try {
					controller.close();
				} catch {
					// already closed
				}
			};
			signal.addEventListener('abort', () => stop(), { once: true });
			if (signal.aborted) stop();
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			'x-accel-buffering': 'no'
		}
	});
}

/**
 * A meeting's event stream for a person who may read the meeting. It ends when they are signed out or
 * leave the partnership (access/revocation.ts says when to ask again). The events carry no content, only that
 * something changed, so anyone who may read the meeting may follow it.
 */
export async function followMeeting(
	actor: Actor,
	meetingId: string,
	signal: AbortSignal
): Promise<Response> {
	await meetingContext(actor, meetingId);
	return meetingEventStream(meetingId, signal, {
		userId: actor.userId,
		stillAllowed: async () =>
			(await stillSignedIn(actor)) &&
			(await meetingContext(actor, meetingId).then(
				() => true,
				() => false
			))
	});
}

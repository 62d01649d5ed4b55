// Telling everyone looking at a meeting that its record changed. Commands publish after their transaction
// commits; the meeting's event stream (server-sent events) passes each change on, and the pages reload
// their live data. One process-wide bus, so the SvelteKit bundle and the Node entry share it.
import { EventEmitter } from 'node:events';

export interface MeetingChange {
	meetingId: string;
	/** What changed, e.g. "attendance", "queue", "challenge", "decision". */
	what: string;
	at: string;
}

const BUS = Symbol.for('partnership-workspace.meeting-bus');
type WithBus = { [BUS]?: EventEmitter };

function bus(): EventEmitter {
	const holder = globalThis as WithBus;
	if (!holder[BUS]) {
		holder[BUS] = new EventEmitter();
		// One listener per open live page; there is no leak to warn about.
		holder[BUS].setMaxListeners(0);
	}
	return holder[BUS];
}

/** Call after the change is committed, never inside the transaction. */
export function publishMeetingChange(meetingId: string, what: string): void {
	const change: MeetingChange = { meetingId, what, at: new Date().toISOString() };
	bus().emit(`meeting:${meetingId}`, change);
}

export function subscribeMeeting(
	meetingId: string,
	listener: (change: MeetingChange) => void
): () => void {
	const name = `meeting:${meetingId}`;
	bus().on(name, listener);
	return () => bus().off(name, listener);
}

const KEEPALIVE_MS = 20_000;

/**
 * A text/event-stream of a meeting's changes: a "change" event for each, and a comment now and then so
 * proxies keep the connection open. Closes when the client goes away.
 */
export function meetingEventStream(meetingId: string, signal: AbortSignal): Response {
	const encoder = new TextEncoder();
	let stop = () => {};
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
			const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS);
			stop = () => {
				unsubscribe();
				clearInterval(keepalive);
				try {
					controller.close();
				} catch {
					// already closed
				}
			};
			signal.addEventListener('abort', () => stop(), { once: true });
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

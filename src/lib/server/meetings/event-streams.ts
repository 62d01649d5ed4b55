// A meeting's changes as server-sent events, for the pages and API clients following it: each change
// as it is published, and for a live page the view itself (live-snapshots.ts), while the holder may
// still follow the meeting.
import { DomainError, connectionCaps, type Place } from '../platform/index.ts';
import type { Actor, MeetingContext } from '../access/index.ts';
import { meetingContext } from '../access/index.ts';
import { stillSignedIn, subscribeRevocations, signalUserId } from '../access/index.ts';
import { subscribeMeeting, type MeetingChange } from './meeting-events.ts';
import { watchMeeting } from './live-snapshots.ts';

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

/** The view a stream sends whole after each change: its JSON, shared by everyone in the audience. */
export type SnapshotSource = () => Promise<string>;

export interface StreamOptions {
	/** A signed-in follower: their streams are capped, and end when they may no longer follow. */
	holder?: StreamHolder;
	snapshot?: SnapshotSource;
	/** For a follower with no holder: the place taken under the caller's own cap, freed at the end. */
	place?: Place;
}

/**
 * A text/event-stream of a meeting's changes: a "change" event for each, and a comment now and then so
 * proxies keep the connection open. With a `snapshot`, also the view itself: a "snapshot" event when the
 * stream opens and after each change (only the newest when changes come faster than they are composed).
 * Closes when the client goes away, and when its holder loses the right to follow the meeting (a "closed"
 * event first, saying why); a holder who keeps it but whose rights changed gets a "rights" event.
 * Throws TooManyStreams over the cap.
 */
export async function meetingEventStream(
	meetingId: string,
	signal: AbortSignal,
	{ holder, snapshot, place: taken }: StreamOptions = {}
): Promise<Response> {
	// The cap counts across instances when they share Redis (platform/connection-caps.ts).
	const place = holder
		? await connectionCaps.use().take(`events:${holder.userId}`, MAX_EVENT_STREAMS_PER_PERSON)
		: taken;
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
			let asked = 0;
			const sendSnapshot = () => {
				const mine = ++asked;
				snapshot!().then(
					(json) => {
						if (mine === asked && !stopped) send(`event: snapshot\ndata: ${json}\n\n`);
					},
					() => {
						// A failed composition: the next change, or a reconnection, tries again.
					}
				);
			};
			const onChange = (change: MeetingChange) => {
				send(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
				if (snapshot) sendSnapshot();
			};
			// Through the snapshots' watch, so a snapshot asked for here is already the new one.
			const unsubscribe = snapshot
				? watchMeeting(meetingId, onChange)
				: subscribeMeeting(meetingId, onChange);
			if (snapshot) sendSnapshot();
			const recheck = () =>
				holder!.stillAllowed().then(
					(allowed) => {
						if (stopped) return;
						if (allowed) {
							if (snapshot) send('event: rights\ndata: {}\n\n');
							return;
						}
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
 * A meeting's event stream for a person who may read the meeting, with their view (`snapshotFor`) for a
 * live page. It ends when they are signed out or leave the partnership (access/revocation.ts says when to
 * ask again). The change events carry no content, only what changed, so anyone who may read the meeting
 * may follow it; a snapshot is composed for its reader, as they stood when last asked.
 */
export async function followMeeting(
	actor: Actor,
	meetingId: string,
	signal: AbortSignal,
	snapshotFor?: (reader: MeetingContext) => Promise<string>
): Promise<Response> {
	let reader = await meetingContext(actor, meetingId);
	const holder: StreamHolder = {
		userId: actor.userId,
		stillAllowed: async () => {
			if (!(await stillSignedIn(actor))) return false;
			try {
				reader = await meetingContext(actor, meetingId);
				return true;
			} catch {
				return false;
			}
		}
	};
	const snapshot = snapshotFor && (() => snapshotFor(reader));
	return meetingEventStream(meetingId, signal, { holder, snapshot });
}

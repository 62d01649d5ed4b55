// Telling everyone looking at a meeting that its record changed. Commands publish after their transaction
// commits; the meeting's event streams (event-streams.ts) pass each change on, with the new view for live
// pages (live-snapshots.ts). The bus is a port (platform/ports.ts): in process by default; with several instances,
// one over Redis or Postgres LISTEN/NOTIFY is installed at start-up instead.
import { EventEmitter } from 'node:events';
import { definePort } from '../platform/index.ts';

export interface MeetingChange {
	meetingId: string;
	/** What changed, e.g. "attendance", "queue", "challenge", "decision". */
	what: string;
	at: string;
	/** The memberships whose own rights at the meeting the change may alter (standing in, say). */
	about?: string[];
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
export function publishMeetingChange(meetingId: string, what: string, about?: string[]): void {
	meetingEvents
		.use()
		.publish({ meetingId, what, at: new Date().toISOString(), ...(about && { about }) });
}

export function subscribeMeeting(
	meetingId: string,
	listener: (change: MeetingChange) => void
): () => void {
	return meetingEvents.use().subscribe(meetingId, listener);
}

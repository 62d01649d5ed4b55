// The live event bus and the revocation channel across instances. Each is the in-process implementation
// with Redis behind it: a message is delivered in this process at once (as before, so nothing here waits
// on the network) and published for the other instances, which deliver it to their own listeners. An
// instance skips its own messages when they come back from Redis.
import {
	InProcessRevocationChannel,
	type RevocationChannel,
	type RevocationSignal
} from '../../src/lib/server/access/index.ts';
import {
	InProcessMeetingEvents,
	type MeetingChange,
	type MeetingEventBus
} from '../../src/lib/server/meetings/index.ts';
import type { RedisLink } from './link.ts';

const MEETING_EVENTS = 'workspace:meeting-events';
const REVOCATIONS = 'workspace:revocations';

/** Listens on `channel` for other instances' JSON messages; resolves once listening. */
async function relayed<T>(link: RedisLink, channel: string, deliver: (message: T) => void) {
	return link.subscribe(channel, (message) => {
		const body = link.fromOthers(message);
		if (body) deliver(JSON.parse(body.toString('utf8')) as T);
	});
}

function publishJson(link: RedisLink, channel: string, message: unknown): void {
	link.publish(channel, link.stamped(Buffer.from(JSON.stringify(message), 'utf8')));
}

export class RedisMeetingEvents implements MeetingEventBus {
	#local = new InProcessMeetingEvents();
	#stop: () => void = () => {};

	private constructor(private readonly link: RedisLink) {}

	static async connect(link: RedisLink): Promise<RedisMeetingEvents> {
		const bus = new RedisMeetingEvents(link);
		bus.#stop = await relayed<MeetingChange>(link, MEETING_EVENTS, (change) =>
			bus.#local.publish(change)
		);
		return bus;
	}

	publish(change: MeetingChange): void {
		this.#local.publish(change);
		publishJson(this.link, MEETING_EVENTS, change);
	}

	subscribe(meetingId: string, listener: (change: MeetingChange) => void): () => void {
		return this.#local.subscribe(meetingId, listener);
	}

	close(): void {
		this.#stop();
	}
}

export class RedisRevocationChannel implements RevocationChannel {
	#local = new InProcessRevocationChannel();
	#stop: () => void = () => {};

	private constructor(private readonly link: RedisLink) {}

	static async connect(link: RedisLink): Promise<RedisRevocationChannel> {
		const channel = new RedisRevocationChannel(link);
		channel.#stop = await relayed<RevocationSignal>(link, REVOCATIONS, (signal) =>
			channel.#local.publish(signal)
		);
		return channel;
	}

	publish(signal: RevocationSignal): void {
		this.#local.publish(signal);
		publishJson(this.link, REVOCATIONS, signal);
	}

	subscribe(listener: (signal: RevocationSignal) => void): () => void {
		return this.#local.subscribe(listener);
	}

	close(): void {
		this.#stop();
	}
}

// The implementations this process runs with, chosen once at start-up. Without REDIS_URL every port is in
// process: one instance serves the partnership. With it, several instances share one PostgreSQL and one
// Redis: the meeting events, revocations, sign-in attempt counters, connection caps and the sync server's
// fan-out go through Redis (server/redis/), so it does not matter which instance a person reaches. Files
// are in the database (or FILES_DIR) either way.
import {
	InProcessMeetingEvents,
	meetingEvents,
	openDocuments,
	type DocumentHost,
	type MeetingEventBus
} from '../../src/lib/server/meetings/index.ts';
import {
	InProcessRevocationChannel,
	revocations,
	type RevocationChannel
} from '../../src/lib/server/access/index.ts';
import {
	InProcessConnectionCaps,
	configuredFileStore,
	connectionCaps,
	fileStore,
	type ConnectionCaps,
	type FileStore
} from '../../src/lib/server/platform/index.ts';
import {
	InProcessAttemptCounters,
	attemptCounters,
	type AttemptCounters
} from '../../src/lib/server/auth/index.ts';
import { RedisAttemptCounters } from '../redis/attempt-counters.ts';
import { RedisMeetingEvents, RedisRevocationChannel } from '../redis/broadcast.ts';
import { RedisConnectionCaps } from '../redis/connection-caps.ts';
import { RedisLink } from '../redis/link.ts';
import { redisRelay } from '../redis/relay.ts';
import { noRelay, type Relay } from '../sync/stages/fan-out.ts';

export interface Ports {
	/** Tells open meeting pages that the record changed. */
	meetingEvents: MeetingEventBus;
	/** Tells open connections that someone's rights were taken away. */
	revocations: RevocationChannel;
	/** Uploaded papers and priority files. */
	files: FileStore;
	/** Failed sign-ins and password checks, for the rate limits. */
	attempts: AttemptCounters;
	/** Sync sockets and event streams held per person. */
	caps: ConnectionCaps;
	/** The sync server's way to the other instances. */
	relay: Relay;
	/** What the start-up log says about them. */
	description: string;
	close(): Promise<void>;
}

export function inProcessPorts(): Ports {
	return {
		meetingEvents: new InProcessMeetingEvents(),
		revocations: new InProcessRevocationChannel(),
		files: configuredFileStore(),
		attempts: new InProcessAttemptCounters(),
		caps: new InProcessConnectionCaps(),
		relay: noRelay,
		description: 'in process (one instance; set REDIS_URL to run several)',
		close: async () => {}
	};
}

/** Connects to Redis; throws if it cannot be reached, so an instance never runs half-shared. */
export async function redisPorts(url: string): Promise<Ports> {
	const link = await RedisLink.connect(url);
	const [events, signals] = await Promise.all([
		RedisMeetingEvents.connect(link),
		RedisRevocationChannel.connect(link)
	]);
	const caps = new RedisConnectionCaps(link);
	return {
		meetingEvents: events,
		revocations: signals,
		files: configuredFileStore(),
		attempts: new RedisAttemptCounters(link),
		caps,
		relay: redisRelay(link),
		description: `through Redis at ${new URL(url).host} (instances share live changes and limits)`,
		async close() {
			events.close();
			signals.close();
			caps.close();
			await link.close();
		}
	};
}

export function installPorts(ports: Ports): void {
	meetingEvents.install(ports.meetingEvents);
	revocations.install(ports.revocations);
	fileStore.install(ports.files);
	attemptCounters.install(ports.attempts);
	connectionCaps.install(ports.caps);
}

/** The shared documents are served by the sync server, once it exists. */
export function installDocumentHost(host: DocumentHost): void {
	openDocuments.install(host);
}

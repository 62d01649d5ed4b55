// The implementations this process runs with, chosen once at start-up. Today every port is in process:
// one Node process serves a partnership. Running several instances adds implementations (Redis for the
// meeting events, revocations and sign-in attempt counters, an object store for files) and chooses them
// here; the sync server's storage and fan-out are chosen the same way (server/sync/pipeline.ts).
import { join } from 'node:path';
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
	FolderFileStore,
	fileStore,
	type Config,
	type FileStore
} from '../../src/lib/server/platform/index.ts';
import {
	InProcessAttemptCounters,
	attemptCounters,
	type AttemptCounters
} from '../../src/lib/server/auth/index.ts';

export interface Ports {
	/** Tells open meeting pages that the record changed. */
	meetingEvents: MeetingEventBus;
	/** Tells open connections that someone's rights were taken away. */
	revocations: RevocationChannel;
	/** Uploaded papers and priority files. */
	files: FileStore;
	/** Failed sign-ins and password checks, for the rate limits. */
	attempts: AttemptCounters;
}

export function inProcessPorts(config: Config): Ports {
	return {
		meetingEvents: new InProcessMeetingEvents(),
		revocations: new InProcessRevocationChannel(),
		files: new FolderFileStore(join(config.dataDir, 'files')),
		attempts: new InProcessAttemptCounters()
	};
}

export function installPorts(ports: Ports): void {
	meetingEvents.install(ports.meetingEvents);
	revocations.install(ports.revocations);
	fileStore.install(ports.files);
	attemptCounters.install(ports.attempts);
}

/** The shared documents are served by the sync server, once it exists. */
export function installDocumentHost(host: DocumentHost): void {
	openDocuments.install(host);
}

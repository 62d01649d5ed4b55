// The implementations this process runs with, chosen once at start-up. Today every port is in process:
// one Node process serves a partnership. Running several instances adds implementations (Redis fan-out
// for the meeting events and revocations, an object store for files) and chooses them here.
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
import { join } from 'node:path';

export interface Ports {
	/** Tells open meeting pages that the record changed. */
	meetingEvents: MeetingEventBus;
	/** Tells open connections that someone's rights were taken away. */
	revocations: RevocationChannel;
	/** Uploaded papers and priority files. */
	files: FileStore;
}

export function inProcessPorts(config: Config): Ports {
	return {
		meetingEvents: new InProcessMeetingEvents(),
		revocations: new InProcessRevocationChannel(),
		files: new FolderFileStore(join(config.dataDir, 'files'))
	};
}

export function installPorts(ports: Ports): void {
	meetingEvents.install(ports.meetingEvents);
	revocations.install(ports.revocations);
	fileStore.install(ports.files);
}

/** The shared documents are served by the sync server, once it exists. */
export function installDocumentHost(host: DocumentHost): void {
	openDocuments.install(host);
}

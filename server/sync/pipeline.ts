// The sync server as a pipeline of named stages, each a module in stages/ behind an interface:
//
//   authenticate → load → apply → store (+ record history) → fan out → project … unload
//
// A connection is authenticated on the HTTP upgrade (and again on revocation signals); its document is
// loaded once; each writer's update is applied, stored by group commit with its editor's history, then
// fanned out to the other connections and projected into rows; an idle document is unloaded. Storage and
// fan-out are chosen here: Redis fan-out is a new implementation of FanOut passed in instead, with no change to the room or the connections.
import { sessionAuthentication, type Authenticate } from './stages/authenticate.ts';
import { localFanOut, noRelay, type FanOut, type Relay } from './stages/fan-out.ts';
import type { LoadDocument } from './stages/load.ts';
import { meetingProjection, type Project } from './stages/project.ts';
import type { StoreUpdates } from './stages/store.ts';
import { postgresLoad } from './postgres/load.ts';
import { PostgresUpdateLog } from './postgres/update-log.ts';

export interface SyncPipeline {
	authenticate: Authenticate;
	load: LoadDocument;
	/** Stores each batch with the record-history stage in the same transaction. */
	store: StoreUpdates;
	fanOut: FanOut;
	/** Other instances' changes to the same documents (noRelay: this instance is the only one). */
	relay: Relay;
	project: Project;
}

/** On the process's PostgreSQL database; `relay` joins it to other instances (by default, none). */
export function postgresPipeline(relay: Relay = noRelay): SyncPipeline {
	return {
		authenticate: sessionAuthentication,
		load: postgresLoad,
		store: new PostgresUpdateLog(),
		fanOut: localFanOut,
		relay,
		project: meetingProjection
	};
}

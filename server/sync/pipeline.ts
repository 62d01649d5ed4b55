// The sync server as a pipeline of named stages, each a module in stages/ behind an interface:
//
//   authenticate → load → apply → store (+ record history) → fan out → project … unload
//
// A connection is authenticated on the HTTP upgrade (and again on revocation signals); its document is
// loaded once; each writer's update is applied, stored by group commit with its editor's history, then
// fanned out to the other connections and projected into rows; an idle document is unloaded. Storage and
// fan-out are chosen here: PostgreSQL storage or Redis fan-out are new implementations of StoreUpdates,
// LoadDocument or FanOut passed in instead, with no change to the room or the connections.
import { loadConfig, sqliteFile } from '../../src/lib/server/platform/index.ts';
import { sessionAuthentication, type Authenticate } from './stages/authenticate.ts';
import { localFanOut, type FanOut } from './stages/fan-out.ts';
import type { LoadDocument } from './stages/load.ts';
import { meetingProjection, type Project } from './stages/project.ts';
import type { StoreUpdates } from './stages/store.ts';
import { sqliteLoad } from './sqlite/load.ts';
import { SqliteUpdateLog } from './sqlite/update-log.ts';

export interface SyncPipeline {
	authenticate: Authenticate;
	load: LoadDocument;
	/** Stores each batch with the record-history stage in the same transaction. */
	store: StoreUpdates;
	fanOut: FanOut;
	project: Project;
}

/** One process on the SQLite database the configuration names: what the workspace runs today. */
export function sqlitePipeline(): SyncPipeline {
	return {
		authenticate: sessionAuthentication,
		load: sqliteLoad,
		store: new SqliteUpdateLog(() => sqliteFile(loadConfig().databaseUrl)),
		fanOut: localFanOut,
		project: meetingProjection
	};
}

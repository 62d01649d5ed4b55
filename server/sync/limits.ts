// The sync server's limits and timings, each with the reason for its value. A few can be lowered by
// environment variables (SYNC_*) so tests can reach compaction and unloading in seconds, not minutes.

function fromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	const value = raw ? Number(raw) : NaN;
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A frame larger than this closes the connection (1009): a board paper's text is far smaller. */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024;

/** Bytes waiting to go out to one connection before it is dropped: a stalled client must not grow memory. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** Presence entries per document: a board meeting has dozens of people, not thousands. */
export const MAX_AWARENESS_STATES = 256;

/** Presence entries one connection may speak for: one per tab, plus a little slack. */
export const MAX_AWARENESS_PER_CONNECTION = 4;

/**
 * Updates arriving within this window are written in one transaction (group commit). 0 means "within
 * one turn of the event loop": every frame read in that turn joins the batch. A batch takes ~0.3 ms to
 * write (sqlite/update-log.ts), so a 4 ms timer only added 4 ms to every edit without batching more.
 */
export const COMMIT_WINDOW_MS = 0;

/** A batch this large is written at once without waiting for the window to end. */
export const MAX_BATCH_UPDATES = 500;

/** Fold the log into a snapshot once it holds this many updates since the last one... */
export const COMPACT_AFTER_UPDATES = fromEnv('SYNC_COMPACT_AFTER_UPDATES', 500);

/** ...or this many bytes: loading replays the log, so it is kept short. */
export const COMPACT_AFTER_BYTES = fromEnv('SYNC_COMPACT_AFTER_BYTES', 1024 * 1024);

/** A document nobody has had open for this long is compacted and dropped from memory. */
export const IDLE_UNLOAD_MS = fromEnv('SYNC_IDLE_UNLOAD_MS', 30_000);

/** Tables are projected from a document at most this often while people type. */
export const PROJECTION_DEBOUNCE_MS = fromEnv('SYNC_PROJECTION_DEBOUNCE_MS', 1_000);

/** Edits closer together than this count as one editing session in a document's history. */
export const EDIT_SESSION_GAP_MS = 10 * 60 * 1000;

/**
 * Open document connections one person may hold in this process. A meeting page opens a handful of
 * documents and a person may have a few pages open in a few tabs; 20 covers that with room for
 * reconnections in flight, while one account cannot hold hundreds (each costs memory and a share of every
 * fan-out). SYNC_CONNECTIONS_PER_PERSON lowers it for tests.
 */
export const MAX_CONNECTIONS_PER_PERSON = fromEnv('SYNC_CONNECTIONS_PER_PERSON', 20);

/**
 * Every open connection's rights are asked again this often, besides on each revocation signal: a
 * session that simply expired, or a change made outside the commands, still ends the connection.
 */
export const RECHECK_EVERY_MS = fromEnv('SYNC_RECHECK_EVERY_MS', 5 * 60 * 1000);

/**
 * Frames a connection may send while its rights are being checked again after a revocation signal; they
 * are held, then applied or dropped by the answer. The check takes milliseconds.
 */
export const MAX_HELD_FRAMES = 256;

/**
 * WebSocket close codes used here (RFC 6455 §7.4.1 and the y-websocket 4400–4499 "do not retry" range:
 * the stock client stops reconnecting on those, as it should when a person signed out or lost the right).
 */
export const CLOSE = {
	goingAway: 1001,
	unsupported: 1003,
	invalidPayload: 1007,
	tooBig: 1009,
	internalError: 1011,
	restarting: 1012,
	tryAgainLater: 1013,
	/** The session or token the connection was opened with has ended (sign-out, password change). */
	signedOut: 4401,
	/** The person may no longer open this document (removed, or a paper's organisations changed). */
	notAllowed: 4403,
	/** The person already holds MAX_CONNECTIONS_PER_PERSON connections. */
	tooMany: 4429
} as const;

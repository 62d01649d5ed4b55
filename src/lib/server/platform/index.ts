// The public face of platform/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { IN_PARTNERSHIP, PARTNERSHIP_API, defineRoutes } from './api-spec.ts';
export type { RouteSpec } from './api-spec.ts';
export { audit } from './audit.ts';
export { bulkRead, bulkRows } from './bulk-read.ts';
export { atTime, now } from './clock.ts';
export { ConfigError, loadConfig, parseConfig } from './config.ts';
export { InProcessConnectionCaps, connectionCaps } from './connection-caps.ts';
export type { ConnectionCaps, Place } from './connection-caps.ts';
export type { Config } from './config.ts';
export { databaseUrl, db, disconnect, pool, transaction, useDatabase } from './db.ts';
export type { Db, Tx } from './db.ts';
export {
	Conflict,
	DomainError,
	Forbidden,
	Invalid,
	NotFound,
	RateLimited,
	TooLarge,
	Unauthenticated
} from './errors.ts';
export {
	DatabaseFileStore,
	FolderFileStore,
	configuredFileStore,
	fileStore
} from './file-store.ts';
export type { FileStore } from './file-store.ts';
export { databaseAnswers } from './health.ts';
export { log } from './log.ts';
export { serverSecret } from './secrets.ts';
export { queueAccountMail, setSiteOrigin, siteOrigin } from './site-mail.ts';
export { definePort } from './ports.ts';
export { accessQuestion, countingQueries, writeGeneration } from './query-count.ts';
export { LONGEST_KEPT_QUERY } from './query-plans.ts';
export {
	Flag,
	choice,
	fieldErrors,
	isoDate,
	keyOf,
	measuredValue,
	optionalId,
	optionalText,
	parse,
	reference,
	requiredText,
	safeText,
	searchText,
	usableText,
	webLink,
	wholeNumber
} from './validation.ts';

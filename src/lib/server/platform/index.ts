// The public face of platform/: pages, API routes, the sync server and other concepts import from here.
export * from './api-spec.ts';
export * from './audit.ts';
export * from './bulk-read.ts';
export * from './clock.ts';
export * from './config.ts';
export * from './db.ts';
export * from './errors.ts';
export * from './file-store.ts';
export * from './health.ts';
export * from './log.ts';
export * from './ports.ts';
export * from './query-count.ts';
export * from './validation.ts';

// The public face of meetings/: pages, API routes, the sync server and other concepts import from here.
export * from './api.ts';
export * from './attendance.ts';
export * from './challenge-log.ts';
export * from './challenges.ts';
export * from './declarations.ts';
export * from './document-history.ts';
export * from './document-rows.ts';
export * from './evidence.ts';
export * from './evidence-files.ts';
export * from './evidence-organisations.ts';
export * from './floor.ts';
export * from './meeting-events.ts';
export * from './open-documents.ts';
export * from './projection.ts';
export * from './roll-and-quorum.ts';
export * from './scheduling.ts';
export * from './speakers.ts';

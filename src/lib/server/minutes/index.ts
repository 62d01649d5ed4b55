// The public face of minutes/: pages, API routes, the sync server and other concepts import from here.
export * from './api.ts';
export * from './draft.ts';
export * from './meeting-record.ts';
export * from './minutes.ts';
export * from './public-decisions.ts';
export * from './public-record.ts';

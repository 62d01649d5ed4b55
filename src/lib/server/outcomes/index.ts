// The public face of outcomes/: pages, API routes, the sync server and other concepts import from here.
export * from './api.ts';
export * from './outcomes.ts';

// The public face of notify/: pages, API routes, the sync server and other concepts import from here.
export * from './api.ts';
export * from './notifications.ts';

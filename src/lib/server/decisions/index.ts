// The public face of decisions/: pages, API routes, the sync server and other concepts import from here.
export * from './api.ts';
export * from './actions.ts';
export * from './amend.ts';
export * from './exports.ts';
export * from './hash.ts';
export * from './live-meeting-view.ts';
export * from './record.ts';
export * from './register.ts';
export * from './views.ts';

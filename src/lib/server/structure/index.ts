// The public face of structure/: pages, API routes, the sync server and other concepts import from here.
export * from './api.ts';
export * from './bodies.ts';
export * from './invitations.ts';
export * from './members.ts';
export * from './organisations.ts';
export * from './partnerships.ts';

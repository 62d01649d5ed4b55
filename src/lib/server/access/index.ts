// The public face of access/: pages, API routes, the sync server and other concepts import from here.
export * from './actor.ts';
export * from './permissions.ts';
export * from './priority-access.ts';
export * from './restricted-material.ts';
export * from './revocation.ts';
export * from './request-access.ts';

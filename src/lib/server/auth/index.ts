// The public face of auth/: pages, API routes, the sync server and other concepts import from here.
export * from './api.ts';
export * from './access-tokens.ts';
export * from './authenticate.ts';
export * from './account.ts';
export * from './device-cookie.ts';
export * from './my-sessions.ts';
export * from './passwords.ts';
export * from './rate-limit.ts';
export * from './secrets.ts';
export * from './sessions.ts';
export * from './sign-in.ts';

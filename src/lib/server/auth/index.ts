// The public face of auth/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { createAccessToken, listAccessTokens, revokeAccessToken } from './access-tokens.ts';
export { changePassword } from './account.ts';
export { UserView, authApi } from './api.ts';
export { authenticate } from './authenticate.ts';
export { DEVICE_COOKIE } from './device-cookie.ts';
export { endSession, listSessions } from './my-sessions.ts';
export { Password, hashPassword } from './passwords.ts';
export {
	ADDRESS_LIMIT,
	InProcessAttemptCounters,
	PASSWORD_CHECK_LIMIT,
	SOURCE_LIMIT,
	UNKNOWN_SOURCES_LIMIT,
	WINDOW_MS,
	attemptCounters,
	beginPasswordCheck,
	beginSignInAttempt,
	delayFor,
	trackedKeys
} from './rate-limit.ts';
export type { AttemptCounters, Counted, Counter } from './rate-limit.ts';
export { hashSecretHex, randomSecret } from './secrets.ts';
export { SESSION_COOKIE, createSession, validateSessionToken } from './sessions.ts';
export { signIn, signOut } from './sign-in.ts';
export type { SignInSource } from './sign-in.ts';

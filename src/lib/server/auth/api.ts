// The account's endpoints: signing in and out, the password, the browsers signed in and personal access tokens.
// Gathered with every other concept's into the API table and the OpenAPI document (web/api/routes.ts).
import { z } from 'zod';
import { AccessTokenView, CreateAccessTokenInput } from './access-tokens.ts';
import { ChangePasswordInput } from './account.ts';
import { SessionView } from './my-sessions.ts';
import { SignInInput } from './sign-in.ts';
import { defineRoutes } from '../platform/index.ts';

/** The signed-in person as the API shows them (also in GET /api/v1/me). */
export const UserView = z.object({ id: z.string(), email: z.string(), name: z.string() });

export const authApi = defineRoutes({
	login: {
		method: 'POST',
		path: '/api/v1/auth/login',
		summary: 'Sign in with email and password; sets the session cookie',
		tag: 'Sign-in',
		public: true,
		body: SignInInput,
		response: z.object({ user: UserView }),
		errors: [400, 401, 429]
	},
	logout: {
		method: 'POST',
		path: '/api/v1/auth/logout',
		summary: 'Sign out: ends this session and clears its cookie (not with an access token: 403)',
		tag: 'Sign-in',
		status: 204,
		errors: [403]
	},
	changePassword: {
		method: 'POST',
		path: '/api/v1/me/password',
		summary:
			'Change password; ends every other session and revokes every access token. Wrong current ' +
			'passwords are throttled like sign-in (429) and audited; not with an access token (403)',
		tag: 'Account',
		body: ChangePasswordInput,
		status: 204,
		errors: [400, 403, 429]
	},
	listSessions: {
		method: 'GET',
		path: '/api/v1/me/sessions',
		summary: 'The caller’s signed-in browsers (not with an access token)',
		tag: 'Account',
		response: z.array(SessionView),
		errors: [403]
	},
	endSession: {
		method: 'DELETE',
		path: '/api/v1/me/sessions/{id}',
		summary:
			'Sign one of the caller’s browsers out; its open documents and event streams close at once ' +
			'(not with an access token)',
		tag: 'Account',
		status: 204,
		errors: [403, 404]
	},
	listTokens: {
		method: 'GET',
		path: '/api/v1/me/tokens',
		summary: 'Personal access tokens that are still active (not revoked, not expired)',
		tag: 'Account',
		response: z.array(AccessTokenView)
	},
	createToken: {
		method: 'POST',
		path: '/api/v1/me/tokens',
		summary:
			'Create a personal access token (scope `read` or `read write`, expiring in 1 to 365 days, 90 by ' +
			'default); its secret is shown only in this answer. Not with an access token (403)',
		tag: 'Account',
		body: CreateAccessTokenInput,
		response: AccessTokenView.extend({ token: z.string() }),
		status: 201,
		errors: [400, 403]
	},
	revokeToken: {
		method: 'DELETE',
		path: '/api/v1/me/tokens/{id}',
		summary: 'Revoke a personal access token (not with an access token: 403)',
		tag: 'Account',
		status: 204,
		errors: [403, 404]
	}
});

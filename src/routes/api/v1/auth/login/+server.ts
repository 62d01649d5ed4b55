import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { signIn } from '$lib/server/auth/sign-in';
import { clientAddress, setSessionCookie } from '$lib/server/http';

export const POST = endpoint(routes.login, async ({ event, body }) => {
	const { user, token, expiresAt } = await signIn(body, clientAddress(event));
	setSessionCookie(event.cookies, token, expiresAt);
	return { user };
});

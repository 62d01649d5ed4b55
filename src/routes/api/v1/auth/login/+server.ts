import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { signIn } from '$lib/server/auth/sign-in';
import { setDeviceCookie, setSessionCookie, signInSource } from '$lib/server/http';

export const POST = endpoint(routes.login, async ({ event, body }) => {
	const { user, token, expiresAt, device } = await signIn(body, signInSource(event));
	setSessionCookie(event.cookies, token, expiresAt);
	setDeviceCookie(event.cookies, device);
	return { user };
});

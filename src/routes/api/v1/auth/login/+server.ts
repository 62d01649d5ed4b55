import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { signIn } from '$lib/server/auth';
import { setDeviceCookie, setSessionCookie, signInSource } from '$lib/server/web';

export const POST = endpoint(routes.login, async ({ event, body }) => {
	const { user, token, expiresAt, device } = await signIn(body, signInSource(event));
	setSessionCookie(event.cookies, token, expiresAt);
	setDeviceCookie(event.cookies, device);
	return { user };
});

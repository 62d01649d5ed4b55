import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { changePassword } from '$lib/server/auth/account';
import { setSessionCookie } from '$lib/server/http';

export const POST = endpoint(routes.changePassword, async ({ event, actor, body }) => {
	const session = await changePassword(actor, body);
	if (actor.via.kind === 'session')
		setSessionCookie(event.cookies, session.token, session.expiresAt);
});

import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { changePassword } from '$lib/server/auth';
import { setSessionCookie } from '$lib/server/web';

export const POST = endpoint(routes.changePassword, async ({ event, actor, body }) => {
	const session = await changePassword(actor, body);
	if (actor.via.kind === 'session')
		setSessionCookie(event.cookies, session.token, session.expiresAt);
});

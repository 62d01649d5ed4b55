import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { signOut } from '$lib/server/auth/sign-in';
import { clearSessionCookie } from '$lib/server/http';

export const POST = endpoint(routes.logout, async ({ event, actor }) => {
	await signOut(actor);
	clearSessionCookie(event.cookies);
});

import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { signOut } from '$lib/server/auth';
import { clearSessionCookie } from '$lib/server/web';

export const POST = endpoint(routes.logout, async ({ event, actor }) => {
	await signOut(actor);
	clearSessionCookie(event.cookies);
});

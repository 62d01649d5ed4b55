import { unreadCount } from '$lib/server/notify';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.actor
		? { id: locals.actor.userId, name: locals.actor.name, email: locals.actor.email }
		: null,
	unreadNotifications: locals.actor ? await unreadCount(locals.actor) : 0
});

import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.actor
		? { id: locals.actor.userId, name: locals.actor.name, email: locals.actor.email }
		: null
});

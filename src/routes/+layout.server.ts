import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.actor ? { name: locals.actor.name, email: locals.actor.email } : null
});

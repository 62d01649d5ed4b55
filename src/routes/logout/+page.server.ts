import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth';
import { clearSessionCookie } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a form post (from the header); a plain visit just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.actor) await signOut(locals.actor);
		clearSessionCookie(cookies);
		redirect(303, '/login?signed-out=1');
	}
};

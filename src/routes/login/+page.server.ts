import { redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/auth';
import {
	formCommand,
	safeNext,
	setDeviceCookie,
	setSessionCookie,
	signInSource
} from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next')));
};

export const actions: Actions = {
	default: async (event) => {
		const failed = await formCommand(await event.request.formData(), async (values) => {
			const { token, expiresAt, device } = await signIn(values, signInSource(event));
			setSessionCookie(event.cookies, token, expiresAt);
			setDeviceCookie(event.cookies, device);
		});
		if (failed) return failed;
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};

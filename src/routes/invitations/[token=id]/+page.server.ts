import { redirect } from '@sveltejs/kit';
import { acceptInvitation, describeInvitation } from '$lib/server/structure';
import { forPage, formCommand, setSessionCookie } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => ({
	invitation: await forPage(() => describeInvitation(params.token)),
	signedInAs: locals.actor?.email ?? null
});

export const actions: Actions = {
	default: async ({ request, params, locals, cookies }) => {
		const result = await formCommand(await request.formData(), (values) =>
			acceptInvitation(locals.actor, params.token, values)
		);
		if (!('partnershipSlug' in result)) return result;
		if (result.session) setSessionCookie(cookies, result.session.token, result.session.expiresAt);
		redirect(303, `/p/${result.partnershipSlug}?welcome=1`);
	}
};

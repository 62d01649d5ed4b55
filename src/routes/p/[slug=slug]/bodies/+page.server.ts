import { redirect } from '@sveltejs/kit';
import { createBody, listBodies } from '$lib/server/structure';
import { forPage, formCommand, pageActor } from '$lib/server/web';
import { listOrganisations } from '$lib/server/structure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug } = event.params;
	return forPage(async () => ({
		bodies: await listBodies(actor, slug),
		organisations: await listOrganisations(actor, slug)
	}));
};

export const actions: Actions = {
	default: async (event) => {
		const result = await formCommand(await event.request.formData(), (values) =>
			createBody(pageActor(event), event.params.slug, values)
		);
		if (!('id' in result)) return result;
		redirect(303, `/p/${event.params.slug}/bodies/${result.id}?saved=1`);
	}
};

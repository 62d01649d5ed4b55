import { redirect } from '@sveltejs/kit';
import { forPage, formCommand, pageActor } from '$lib/server/web';
import { createOrganisation, listOrganisations } from '$lib/server/structure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	organisations: await forPage(() => listOrganisations(pageActor(event), event.params.slug))
});

export const actions: Actions = {
	default: async (event) => {
		const result = await formCommand(await event.request.formData(), (values) =>
			createOrganisation(pageActor(event), event.params.slug, values)
		);
		if (!('id' in result)) return result;
		redirect(303, `/p/${event.params.slug}/organisations?saved=${result.id}`);
	}
};

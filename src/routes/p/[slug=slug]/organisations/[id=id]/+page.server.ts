import { redirect } from '@sveltejs/kit';
import { forPage, formCommand, pageActor } from '$lib/server/web';
import { getOrganisation, updateOrganisation } from '$lib/server/structure';
import { canManageStructure, demand, partnershipContext } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	return forPage(async () => {
		demand(canManageStructure(await partnershipContext(actor, event.params.slug)));
		return { organisation: await getOrganisation(actor, event.params.slug, event.params.id) };
	});
};

export const actions: Actions = {
	default: async (event) => {
		const result = await formCommand(await event.request.formData(), (values) =>
			updateOrganisation(pageActor(event), event.params.slug, event.params.id, values)
		);
		if (!('id' in result)) return result;
		redirect(303, `/p/${event.params.slug}/organisations?saved=${result.id}`);
	}
};

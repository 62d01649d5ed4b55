import { risksCiting } from '$lib/server/outcomes';
import { mayActForPartner, partnershipContext } from '$lib/server/access';
import {
	actionProgress,
	commitResources,
	reportProgress,
	updatableActions
} from '$lib/server/decisions';
import { listOrganisations } from '$lib/server/structure';
import { forPage, formCommand, pageActor, todayInUk } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		// Through the partnership in the address, so another partnership's action is not found here.
		const action = await actionProgress(actor, id, slug);
		const ctx = await partnershipContext(actor, slug);
		return {
			risks: await risksCiting(actor, slug, { actionId: id }),
			action,
			// Officers record any partner's commitment; a member, their own organisation's.
			committers: (await listOrganisations(actor, slug)).filter((o) =>
				mayActForPartner(ctx.membership, o.id)
			),
			mayReport: (await updatableActions(actor, slug, [action])).length > 0,
			today: todayInUk()
		};
	});
};

export const actions: Actions = {
	progress: async (event) => {
		const result = await formCommand(
			await event.request.formData(),
			(values) => reportProgress(pageActor(event), event.params.id, values),
			'progress'
		);
		return 'updates' in result ? { done: 'progress' } : result;
	},
	resources: async (event) => {
		const result = await formCommand(
			await event.request.formData(),
			(values) => commitResources(pageActor(event), event.params.id, values),
			'resources'
		);
		return 'updates' in result ? { done: 'resources' } : result;
	}
};

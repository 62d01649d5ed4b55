import { actionProgress, reportProgress, updatableActions } from '$lib/server/decisions';
import { forPage, formCommand, pageActor, todayInUk } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		// Through the partnership in the address, so another partnership's action is not found here.
		const action = await actionProgress(actor, id, slug);
		return {
			action,
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
	}
};

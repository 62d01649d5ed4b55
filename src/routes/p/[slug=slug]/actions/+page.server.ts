import { listActions, updatableActions, type ActionView } from '$lib/server/decisions';
import { listBodies } from '$lib/server/structure';
import { Invalid } from '$lib/server/platform';
import { forPage, pageActor } from '$lib/server/web';
import { changeActionStatus, todayInUk } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug } = event.params;
	const query = {
		status: event.url.searchParams.get('status') ?? '',
		bodyId: event.url.searchParams.get('bodyId') ?? ''
	};
	const asked = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
	return forPage(async () => {
		let actions: ActionView[] = [];
		let fields: Record<string, string> = {};
		try {
			actions = await listActions(actor, slug, asked);
		} catch (caught) {
			if (!(caught instanceof Invalid)) throw caught;
			fields = caught.fields;
		}
		return {
			query,
			filtering: Object.keys(asked).length > 0,
			actions,
			fields,
			updatable: await updatableActions(actor, slug, actions),
			bodies: await listBodies(actor, slug),
			today: todayInUk()
		};
	});
};

export const actions: Actions = { status: changeActionStatus };

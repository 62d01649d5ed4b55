import { listActions, updatableActions, type ActionView } from '$lib/server/actions';
import { listBodies } from '$lib/server/bodies';
import { Invalid } from '$lib/server/errors';
import { forPage, pageActor } from '$lib/server/http';
import { changeActionStatus, todayInUk } from '$lib/server/register-page';
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

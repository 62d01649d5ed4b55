import { updatableActions } from '$lib/server/decisions';
import { getBody } from '$lib/server/structure';
import { getDecision } from '$lib/server/decisions';
import { NotFound } from '$lib/server/platform';
import { forPage, pageActor } from '$lib/server/web';
import { prioritiesBehindDecision } from '$lib/server/priorities';
import { changeActionStatus, todayInUk } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const decision = await getDecision(actor, id);
		// Through the partnership in the address, so a decision of another one is not found here.
		await getBody(actor, slug, decision.body.id).catch(() => {
			throw new NotFound('decision');
		});
		return {
			decision,
			updatable: await updatableActions(actor, slug, decision.actions),
			today: todayInUk(),
			priorities: await prioritiesBehindDecision(actor, id)
		};
	});
};

export const actions: Actions = { status: changeActionStatus };

import { updatableActions } from '$lib/server/actions';
import { getBody } from '$lib/server/bodies';
import { getDecision } from '$lib/server/decision-register';
import { NotFound } from '$lib/server/errors';
import { forPage, pageActor } from '$lib/server/http';
import { prioritiesBehindDecision } from '$lib/server/trace';
import { changeActionStatus, todayInUk } from '$lib/server/register-page';
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

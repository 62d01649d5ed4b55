import { recordRatification, updatableActions } from '$lib/server/decisions';
import { mayActForPartner, partnershipContext } from '$lib/server/access';
import { getBody } from '$lib/server/structure';
import { getDecision } from '$lib/server/decisions';
import { Invalid, NotFound } from '$lib/server/platform';
import { forPage, formCommand, pageActor } from '$lib/server/web';
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
		const ctx = await partnershipContext(actor, slug);
		return {
			decision,
			// The owed ratifications this person may record: any partner's for officers, their own for a member.
			mayRatify: decision.ratifications
				.filter((r) => !r.ratified && mayActForPartner(ctx.membership, r.organisationId))
				.map((r) => ({ id: r.organisationId, name: r.organisationName })),
			updatable: await updatableActions(actor, slug, decision.actions),
			today: todayInUk(),
			priorities: await prioritiesBehindDecision(actor, id)
		};
	});
};

export const actions: Actions = {
	status: changeActionStatus,
	ratify: async (event) => {
		const data = await event.request.formData();
		const result = await formCommand(
			data,
			async (values) => {
				// A ratification cannot be changed once recorded: it takes a ticked confirmation.
				if (!data.getAll('confirm').includes('true'))
					throw new Invalid({
						confirm: 'Tick the box to confirm that the partner has ratified the decision'
					});
				return recordRatification(pageActor(event), event.params.id, values);
			},
			'ratify'
		);
		return Array.isArray(result) ? { done: 'ratify' } : result;
	}
};

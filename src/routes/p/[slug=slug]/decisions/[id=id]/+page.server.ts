import { risksCiting } from '$lib/server/outcomes';
import { recordRatification, updatableActions } from '$lib/server/decisions';
import { mayActForPartner, mayWriteDelegationScheme, partnershipContext } from '$lib/server/access';
import { getBody } from '$lib/server/structure';
import { getDecision } from '$lib/server/decisions';
import { NotFound } from '$lib/server/platform';
import { forPage, formCommand, pageActor, requireConfirmed } from '$lib/server/web';
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
			risks: await risksCiting(actor, slug, { decisionId: id }),
			decision,
			// The owed ratifications this person may record: any partner's and the parent body's for officers,
			// their own organisation's for a member. One select names either: `organisation:<id>` or `body:<id>`.
			mayRatify: decision.ratifications
				.filter(
					(r) =>
						!r.ratified &&
						(r.organisationId
							? mayActForPartner(ctx.membership, r.organisationId)
							: mayWriteDelegationScheme(ctx))
				)
				.map((r) => ({
					value: r.organisationId ? `organisation:${r.organisationId}` : `body:${r.bodyId}`,
					name: r.name
				})),
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
				requireConfirmed(
					data,
					'Tick the box to confirm that the partner has ratified the decision'
				);
				const [kind, id] = String(values.owedBy ?? '').split(':');
				return recordRatification(pageActor(event), event.params.id, {
					...values,
					organisationId: kind === 'organisation' ? id : undefined,
					bodyId: kind === 'body' ? id : undefined
				});
			},
			'ratify'
		);
		if (Array.isArray(result)) return { done: 'ratify' };
		// The partner and the parent body are chosen in one field, `owedBy`.
		const fields = (result.data as { fields?: Record<string, string> }).fields ?? {};
		for (const key of ['organisationId', 'bodyId'])
			if (fields[key]) {
				fields.owedBy ??= fields[key];
				delete fields[key];
			}
		return result;
	}
};

import { listActions } from '$lib/server/decisions';
import { listBodies } from '$lib/server/structure';
import { withLists } from '$lib/server/web';
import { Invalid } from '$lib/server/platform';
import { forPage, formCommand, pageActor } from '$lib/server/web';
import { createOutcome, listOutcomeUses, tagAction } from '$lib/server/outcomes';
import { canScheduleMeetings, partnershipContext } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug } = event.params;
	return forPage(async () => {
		const officer = canScheduleMeetings(await partnershipContext(actor, slug));
		return {
			officer,
			outcomes: await listOutcomeUses(actor, slug),
			// Only officers manage outcomes, so only they need the choices for the forms.
			bodies: officer ? await listBodies(actor, slug) : [],
			actions: officer
				? (await listActions(actor, slug)).map((a) => ({ id: a.id, text: a.text }))
				: []
		};
	});
};

export const actions: Actions = {
	add: async (event) => {
		const data = await event.request.formData();
		const result = await formCommand(
			data,
			(values) => createOutcome(pageActor(event), event.params.slug, values),
			'add'
		);
		return 'id' in result ? { done: 'add', code: result.code } : result;
	},
	tag: async (event) => {
		const data = await event.request.formData();
		const result = await formCommand(
			data,
			async (values) => {
				const { outcomeIds } = withLists(data, ['outcomeIds']);
				if (typeof values.actionId !== 'string')
					throw new Invalid({ actionId: 'Choose the action to tag' });
				return tagAction(pageActor(event), values.actionId, { outcomeIds });
			},
			'tag'
		);
		return 'actionId' in result ? { done: 'tag' } : withLists(data, ['outcomeIds'], result);
	}
};

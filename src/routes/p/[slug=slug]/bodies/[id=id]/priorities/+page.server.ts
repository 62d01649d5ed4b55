import { redirect } from '@sveltejs/kit';
import { getBody } from '$lib/server/structure';
import { forPage, formCommand, pageActor } from '$lib/server/web';
import { listOutcomes } from '$lib/server/outcomes';
import { raisePriority } from '$lib/server/priorities';
import { mayRaise, rightsOf } from '$lib/server/access';
import { partnershipContext } from '$lib/server/access';
import { listPartnershipPriorities } from '$lib/server/priorities';
import { withLists } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const body = await getBody(actor, slug, id);
		const rights = await rightsOf(await partnershipContext(actor, slug));
		const { rows } = await listPartnershipPriorities(actor, slug, { body: id });
		const mayRecord = mayRaise(rights, id);
		return {
			body,
			rows,
			mayRecord,
			outcomes: mayRecord ? await listOutcomes(actor, slug) : []
		};
	});
};

const LISTS = ['engagement.standardsMet', 'outcomeIds'];

/** The form's flat fields as the nested input `raisePriority` takes (names are the error paths). */
function raiseInput(values: Record<string, unknown>, data: FormData) {
	const lists = withLists(data, LISTS);
	const engagement = Object.fromEntries(
		Object.entries(values)
			.filter(([k]) => k.startsWith('engagement.'))
			.map(([k, v]) => [k.slice('engagement.'.length), v])
	);
	return {
		title: values.title,
		said: values.said,
		area: values.area,
		theme: values.theme,
		engagement: { ...engagement, standardsMet: lists['engagement.standardsMet'] },
		outcomeIds: lists.outcomeIds
	};
}

export const actions: Actions = {
	raise: async (event) => {
		const data = await event.request.formData();
		const result = await formCommand(
			data,
			async (values) => raisePriority(pageActor(event), event.params.id, raiseInput(values, data)),
			'raise'
		);
		if (!('id' in result)) return withLists(data, LISTS, result);
		redirect(303, `/p/${event.params.slug}/priorities/${result.id}?raised=1`);
	}
};

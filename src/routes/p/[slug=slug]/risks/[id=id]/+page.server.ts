import { isOfficer, partnershipContext } from '$lib/server/access';
import {
	editRisk,
	getRisk,
	mayReviewRisk,
	recordRiskReview,
	riskLinkChoices,
	riskReviewMeetings
} from '$lib/server/outcomes';
import { forPage, formCommand, pageActor, withLists } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

const LINKS = ['outcomeIds', 'decisionIds', 'actionIds'];

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		// Through the partnership in the address, so another partnership's risk is not found here.
		const risk = await getRisk(actor, id, slug);
		const mayReview = await mayReviewRisk(actor, risk);
		const mayEdit = isOfficer(await partnershipContext(actor, slug));
		return {
			risk,
			mayReview,
			mayEdit,
			// Only those who record reviews need the meetings to record them for.
			meetings: mayReview ? await riskReviewMeetings(actor, id) : [],
			// Only officers edit the risk, so only they need what it may be linked to.
			choices: mayEdit ? await riskLinkChoices(actor, slug) : null
		};
	});
};

export const actions: Actions = {
	review: async (event) => {
		const result = await formCommand(
			await event.request.formData(),
			(values) => recordRiskReview(pageActor(event), event.params.id, values),
			'review'
		);
		return 'id' in result ? { done: 'review', score: result.score, band: result.band } : result;
	},
	// The form sends the whole wording and every link kind: a group with nothing ticked links none.
	edit: async (event) => {
		const data = await event.request.formData();
		const result = await formCommand(
			data,
			(values) =>
				editRisk(pageActor(event), event.params.id, { ...values, ...withLists(data, LINKS) }),
			'edit'
		);
		return 'id' in result
			? { done: 'edit', version: result.versions.at(-1)?.version ?? 1 }
			: withLists(data, LINKS, result);
	}
};

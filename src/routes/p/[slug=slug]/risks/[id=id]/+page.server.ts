import { getRisk, mayReviewRisk, recordRiskReview, riskReviewMeetings } from '$lib/server/outcomes';
import { forPage, formCommand, pageActor } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		// Through the partnership in the address, so another partnership's risk is not found here.
		const risk = await getRisk(actor, id, slug);
		const mayReview = await mayReviewRisk(actor, risk);
		return {
			risk,
			mayReview,
			// Only those who record reviews need the meetings to record them for.
			meetings: mayReview ? await riskReviewMeetings(actor, id) : []
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
	}
};

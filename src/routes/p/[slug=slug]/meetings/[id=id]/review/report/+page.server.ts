import { getBody } from '$lib/server/structure';
import { forPage, pageActor } from '$lib/server/web';
import { meetingReview, reviewContext } from '$lib/server/review';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const review = await meetingReview(actor, id);
		const ctx = await reviewContext(actor, id);
		return {
			review,
			body: await getBody(actor, slug, review.meeting.bodyId),
			// Individual codes (codes.csv) are for the coding team and officers only.
			mayReadCodes: ctx.codeScope !== 'none'
		};
	});
};

import { getBody } from '$lib/server/structure';
import { forPage, pageActor } from '$lib/server/web';
import { isOfficer } from '$lib/server/access';
import { codingCoverage, meetingReview } from '$lib/server/review';
import { reviewContext } from '$lib/server/review';
import { reviewActions } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const review = await meetingReview(actor, id);
		const ctx = await reviewContext(actor, id);
		return {
			review,
			// Through the partnership in the address, so a meeting of another one is not found here.
			body: await getBody(actor, slug, review.meeting.bodyId),
			may: {
				code: ctx.canCode,
				manage: ctx.canManage,
				reopen: isOfficer(ctx),
				// Individual codes (codes.csv) for the coding team and officers; the key for officers.
				codes: ctx.codeScope !== 'none',
				pseudonymKey: ctx.canReadPseudonymKey
			},
			// Before publishing (or republishing): how much of the record two reviewers have coded.
			coverage:
				ctx.canManage && (!ctx.published || ctx.reopened) ? await codingCoverage(actor, id) : null,
			frozen: ctx.published !== null && !ctx.reopened
		};
	});
};

export const actions: Actions = {
	...reviewActions
};

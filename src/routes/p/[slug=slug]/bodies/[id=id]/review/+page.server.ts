import { getBody } from '$lib/server/bodies';
import { forPage, pageActor } from '$lib/server/http';
import { reviewTrends } from '$lib/server/review-trends';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		// Through the partnership in the address, so a body of another one is not found here.
		const body = await getBody(actor, slug, id);
		return { body, trends: await reviewTrends(actor, body.id) };
	});
};

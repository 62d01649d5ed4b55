import { getBody } from '$lib/server/structure';
import { forPage, pageActor } from '$lib/server/web';
import { reviewTrends } from '$lib/server/review';
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

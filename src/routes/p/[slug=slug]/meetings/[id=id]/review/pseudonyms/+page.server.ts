// The key to a review's research export: who each pseudonym in codes.csv is. Officers only.
import { NotFound } from '$lib/server/platform';
import { forPage, pageActor } from '$lib/server/web';
import { meetingContext } from '$lib/server/access';
import { pseudonymKey } from '$lib/server/review';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		// Through the partnership in the address, so a meeting of another one is not found here.
		const ctx = await meetingContext(actor, id);
		if (ctx.partnership.slug !== slug) throw new NotFound('meeting');
		return { key: await pseudonymKey(actor, id) };
	});
};

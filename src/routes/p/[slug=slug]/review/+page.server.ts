import { Invalid } from '$lib/server/platform';
import { forPage, pageActor } from '$lib/server/web';
import { reviewSummary } from '$lib/server/review';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const params = event.url.searchParams;
	const query = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
	const asked = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
	return forPage(async () => {
		try {
			return { query, fields: {}, summary: await reviewSummary(actor, event.params.slug, asked) };
		} catch (caught) {
			if (!(caught instanceof Invalid)) throw caught;
			// The period as corrected: the default year, with the mistake shown beside the field.
			return {
				query,
				fields: caught.fields,
				summary: await reviewSummary(actor, event.params.slug, {})
			};
		}
	});
};

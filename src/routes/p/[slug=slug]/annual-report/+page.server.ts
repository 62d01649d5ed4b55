import { annualReport } from '$lib/server/outcomes';
import { Invalid } from '$lib/server/platform';
import { forPage, pageActor } from '$lib/server/web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const year = event.url.searchParams.get('year') ?? '';
	return forPage(async () => {
		try {
			const report = await annualReport(actor, event.params.slug, year ? { year } : {});
			return { asked: year, fields: {}, report };
		} catch (caught) {
			if (!(caught instanceof Invalid)) throw caught;
			// The default year, with what was wrong with the one asked for beside the field.
			return {
				asked: year,
				fields: caught.fields,
				report: await annualReport(actor, event.params.slug, {})
			};
		}
	});
};

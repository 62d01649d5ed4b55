import { forPage, pageActor } from '$lib/server/web';
import { listPartnershipPriorities } from '$lib/server/priorities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const param = (name: string) => event.url.searchParams.get(name)?.trim() ?? '';
	const query = { forum: param('forum'), status: param('status'), theme: param('theme') };
	return forPage(async () => ({
		query,
		filtering: Object.values(query).some((v) => v !== ''),
		...(await listPartnershipPriorities(actor, event.params.slug, query))
	}));
};

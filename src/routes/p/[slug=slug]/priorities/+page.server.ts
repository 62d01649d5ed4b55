import { mayRaise, partnershipContext, rightsOf } from '$lib/server/access';
import { forPage, pageActor } from '$lib/server/web';
import { listPartnershipPriorities } from '$lib/server/priorities';
import { listBodies } from '$lib/server/structure';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug } = event.params;
	const param = (name: string) => event.url.searchParams.get(name)?.trim() ?? '';
	const query = { forum: param('forum'), status: param('status'), theme: param('theme') };
	return forPage(async () => {
		const [listed, rights, bodies] = await Promise.all([
			listPartnershipPriorities(actor, slug, query),
			partnershipContext(actor, slug).then(rightsOf),
			listBodies(actor, slug)
		]);
		return {
			query,
			filtering: Object.values(query).some((v) => v !== ''),
			...listed,
			// The bodies this person may raise a priority for: the same rule the command applies.
			raiseFor: bodies
				.filter((body) => mayRaise(rights, body.id))
				.map((body) => ({ id: body.id, name: body.name }))
		};
	});
};

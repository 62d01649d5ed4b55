import { canScheduleMeetings, partnershipContext } from '$lib/server/access';
import { defineRisk, listRisks, riskLinkChoices } from '$lib/server/outcomes';
import { Invalid } from '$lib/server/platform';
import { listOrganisations } from '$lib/server/structure';
import { forPage, formCommand, pageActor, withLists } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

const LINKS = ['outcomeIds', 'decisionIds', 'actionIds'];

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug } = event.params;
	// The filters, from the address, so a filtered register can be bookmarked and works without scripts;
	// "All partners" and "All bands" send them blank.
	const asked = Object.fromEntries(
		['owner', 'band'].flatMap((name) => {
			const value = event.url.searchParams.get(name) ?? '';
			return value ? [[name, value]] : [];
		})
	);
	return forPage(async () => {
		const officer = canScheduleMeetings(await partnershipContext(actor, slug));
		const all = await listRisks(actor, slug);
		const organisations = await listOrganisations(actor, slug);
		let shown = all;
		let fields: Record<string, string> = {};
		if (Object.keys(asked).length)
			try {
				shown = await listRisks(actor, slug, asked);
			} catch (caught) {
				if (!(caught instanceof Invalid)) throw caught;
				// Every risk, with what was wrong with the filter beside it.
				fields = caught.fields;
			}
		const filters = Object.keys(fields).length ? {} : asked;
		return {
			officer,
			risks: shown,
			total: all.length,
			filters: { owner: filters.owner ?? '', band: filters.band ?? '' },
			fields,
			owners: organisations.map((o) => ({ value: o.id, label: o.name })),
			// Only officers define risks, so only they need what a risk may be linked to.
			choices: officer ? await riskLinkChoices(actor, slug) : null
		};
	});
};

export const actions: Actions = {
	define: async (event) => {
		const data = await event.request.formData();
		const result = await formCommand(
			data,
			(values) =>
				defineRisk(pageActor(event), event.params.slug, { ...values, ...withLists(data, LINKS) }),
			'define'
		);
		return 'id' in result
			? { done: 'define', id: result.id, title: result.title }
			: withLists(data, LINKS, result);
	}
};

import { canScheduleMeetings, partnershipContext } from '$lib/server/access';
import { defineRisk, listRisks, riskLinkChoices } from '$lib/server/outcomes';
import { listOrganisations } from '$lib/server/structure';
import { forPage, formCommand, pageActor, withLists } from '$lib/server/web';
import { RISK_BANDS } from '$lib/vocabulary';
import type { Actions, PageServerLoad } from './$types';

const LINKS = ['outcomeIds', 'decisionIds', 'actionIds'];

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug } = event.params;
	return forPage(async () => {
		const officer = canScheduleMeetings(await partnershipContext(actor, slug));
		const risks = await listRisks(actor, slug);
		const organisations = await listOrganisations(actor, slug);
		// The filters, from the address, so a filtered register can be bookmarked and works without scripts.
		const owner = event.url.searchParams.get('owner') ?? '';
		const band = event.url.searchParams.get('band') ?? '';
		const shown = risks.filter(
			(r) =>
				(!owner || r.ownerOrganisationId === owner) && (!(band in RISK_BANDS) || r.band === band)
		);
		return {
			officer,
			risks: shown,
			total: risks.length,
			filters: { owner, band: band in RISK_BANDS ? band : '' },
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

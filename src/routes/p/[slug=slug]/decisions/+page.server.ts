import { listBodies } from '$lib/server/structure';
import { searchDecisions, type DecisionSummary } from '$lib/server/decisions';
import { Invalid } from '$lib/server/platform';
import { forPage, pageActor } from '$lib/server/web';
import { listOrganisations } from '$lib/server/structure';
import type { PageServerLoad } from './$types';

const FIELDS = ['q', 'bodyId', 'outcome', 'organisationId', 'from', 'to'] as const;

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug } = event.params;
	// The search as typed, empty fields left out, so it goes back into the form and the address.
	const query = Object.fromEntries(
		FIELDS.map((f) => [f, event.url.searchParams.get(f)?.trim() ?? ''])
	) as Record<(typeof FIELDS)[number], string>;
	const asked = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
	return forPage(async () => {
		let decisions: DecisionSummary[] = [];
		let fields: Record<string, string> = {};
		try {
			decisions = await searchDecisions(actor, slug, asked);
		} catch (caught) {
			if (!(caught instanceof Invalid)) throw caught;
			fields = caught.fields;
		}
		return {
			query,
			searching: Object.keys(asked).length > 0,
			decisions,
			fields,
			bodies: await listBodies(actor, slug),
			organisations: await listOrganisations(actor, slug)
		};
	});
};

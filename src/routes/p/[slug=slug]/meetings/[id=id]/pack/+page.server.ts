import { getBody } from '$lib/server/structure';
import { listEvidence } from '$lib/server/meetings';
import { forPage, pageActor } from '$lib/server/web';
import { getMeeting } from '$lib/server/meetings';
import { listOrganisations } from '$lib/server/structure';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const meeting = await getMeeting(actor, id);
		return {
			meeting,
			body: await getBody(actor, slug, meeting.bodyId),
			// Only the papers this person may see, as on the meeting page.
			evidence: await listEvidence(actor, id),
			organisations: await listOrganisations(actor, slug)
		};
	});
};

import { getBody, listBodies } from '$lib/server/structure';
import { heldBy } from '$lib/joint-names';
import { forPage, pageActor } from '$lib/server/web';
import { getMeeting } from '$lib/server/meetings';
import { getMinutes } from '$lib/server/minutes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const meeting = await getMeeting(actor, id);
		const body = await getBody(actor, slug, meeting.bodyId);
		// A joint meeting is named by all its bodies: "Joint meeting of X and Y".
		const bodies = meeting.jointBodyIds.length ? await listBodies(actor, slug) : [];
		const jointNames = meeting.jointBodyIds.map((b) => bodies.find((x) => x.id === b)?.name ?? '');
		return {
			meeting,
			body,
			heldBy: heldBy(body.name, jointNames),
			minutes: await getMinutes(actor, id)
		};
	});
};

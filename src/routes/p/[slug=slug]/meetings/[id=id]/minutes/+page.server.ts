import { getBody } from '$lib/server/structure';
import { forPage, pageActor } from '$lib/server/web';
import { getMeeting } from '$lib/server/meetings';
import { getMinutes } from '$lib/server/minutes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const meeting = await getMeeting(actor, id);
		return {
			meeting,
			body: await getBody(actor, slug, meeting.bodyId),
			minutes: await getMinutes(actor, id)
		};
	});
};

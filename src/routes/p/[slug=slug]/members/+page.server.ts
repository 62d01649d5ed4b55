import { forPage, pageActor } from '$lib/server/http';
import { listMembers } from '$lib/server/members';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	members: await forPage(() => listMembers(pageActor(event), event.params.slug))
});

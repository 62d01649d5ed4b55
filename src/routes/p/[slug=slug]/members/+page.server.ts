import { forPage, pageActor } from '$lib/server/web';
import { listMembers } from '$lib/server/structure';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	members: await forPage(() => listMembers(pageActor(event), event.params.slug))
});

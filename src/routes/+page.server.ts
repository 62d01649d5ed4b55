import { listPublicPartnerships } from '$lib/server/minutes';
import { listPartnerships } from '$lib/server/structure';
import { forPage, pageActor } from '$lib/server/web';
import type { PageServerLoad } from './$types';

// Signed in: the person's partnerships. Signed out: every partnership's public record, so a resident who
// arrives at the address finds the meetings and decisions, not only a sign-in form.
export const load: PageServerLoad = async (event) => {
	if (!event.locals.actor)
		return { partnerships: [], publicRecords: await forPage(() => listPublicPartnerships()) };
	return { partnerships: await listPartnerships(pageActor(event)), publicRecords: [] };
};

import { partnerAccount } from '$lib/server/outcomes';
import { forPage, pageActor, todayInUk } from '$lib/server/web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	return forPage(async () => ({
		account: await partnerAccount(actor, event.params.slug, event.params.id),
		today: todayInUk()
	}));
};

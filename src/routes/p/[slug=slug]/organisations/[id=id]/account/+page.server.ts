import { mayActForPartner, partnershipContext } from '$lib/server/access';
import { partnerAccount, writeStatement } from '$lib/server/outcomes';
import { forPage, formCommand, pageActor, todayInUk } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const account = await partnerAccount(actor, slug, id);
		const ctx = await partnershipContext(actor, slug);
		return {
			account,
			// Officers write any partner's statement; a member, their own organisation's.
			mayWrite: mayActForPartner(ctx.membership, account.id),
			today: todayInUk()
		};
	});
};

export const actions: Actions = {
	statement: async (event) => {
		const result = await formCommand(
			await event.request.formData(),
			(values) => writeStatement(pageActor(event), event.params.slug, event.params.id, values),
			'statement'
		);
		return 'version' in result ? { done: 'statement', version: result.version } : result;
	}
};

// One-click unsubscribe: GET shows what the link would turn off and asks to confirm; POST turns it off (the
// confirm button, or a mail program's RFC 8058 List-Unsubscribe-Post). No sign-in: the signed link is enough.
import { unsubscribe, unsubscribeInfo } from '$lib/server/notify';
import { forPage, formCommand } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	info: await forPage(() => unsubscribeInfo(params.token))
});

export const actions: Actions = {
	default: async ({ request, params }) =>
		formCommand(await request.formData(), async () => ({
			unsubscribed: await unsubscribe(params.token)
		}))
};

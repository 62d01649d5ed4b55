import { forPage, formCommand } from '$lib/server/web';
import { confirmVoice, peekConfirmation } from '$lib/server/priorities';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	pending: await forPage(() => peekConfirmation(params.token))
});

export const actions: Actions = {
	default: async ({ params, request }) =>
		formCommand(await request.formData(), async () => ({
			confirmed: await confirmVoice({ token: params.token })
		}))
};

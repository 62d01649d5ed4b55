import { listOutbox, retryMail } from '$lib/server/notify';
import { forPage, formCommand, pageActor } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	messages: await forPage(() => listOutbox(pageActor(event), event.params.slug))
});

export const actions: Actions = {
	retry: async (event) => {
		const data = await event.request.formData();
		const id = String(data.get('id') ?? '');
		const result = await formCommand(
			data,
			() => retryMail(pageActor(event), event.params.slug, id),
			'retry'
		);
		return 'subject' in result ? { retried: result.subject } : result;
	}
};

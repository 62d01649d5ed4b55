import { formCommand, pageActor } from '$lib/server/web';
import { listNotifications, markRead } from '$lib/server/notify';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	notifications: await listNotifications(pageActor(event))
});

export const actions: Actions = {
	markRead: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => ({ read: await markRead(pageActor(event), String(values.id)) }),
			'markRead'
		)
};

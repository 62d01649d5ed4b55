import { clientAddress, forPage, formCommand } from '$lib/server/web';
import {
	getPublicForum,
	publicVoice,
	requestComment,
	requestSupport
} from '$lib/server/priorities';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	forum: await forPage(() => getPublicForum(params.slug, params.bodyId)),
	voice: await forPage(() => publicVoice(params.slug, params.bodyId))
});

export const actions: Actions = {
	support: async (event) => {
		const data = await event.request.formData();
		const priorityId = String(data.get('priorityId') ?? '');
		return formCommand(
			data,
			async (values) => ({
				sent: `support-${priorityId}`,
				...(await requestSupport(
					event.params.slug,
					event.params.bodyId,
					priorityId,
					values,
					clientAddress(event)
				))
			}),
			`support-${priorityId}`
		);
	},
	comment: async (event) => {
		const data = await event.request.formData();
		const feedbackId = String(data.get('feedbackId') ?? '');
		return formCommand(
			data,
			async (values) => ({
				sent: `comment-${feedbackId}`,
				...(await requestComment(
					event.params.slug,
					event.params.bodyId,
					feedbackId,
					values,
					clientAddress(event)
				))
			}),
			`comment-${feedbackId}`
		);
	}
};

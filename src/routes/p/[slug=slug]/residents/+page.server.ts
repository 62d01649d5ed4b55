// The officers' queue of residents' confirmed comments on forums' published responses: approve, or
// reject with a reason from the list; the resident is emailed the outcome.
import { REJECT_REASONS, moderateComment, moderationQueue } from '$lib/server/priorities';
import { forPage, formCommand, pageActor } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	queue: await forPage(() => moderationQueue(pageActor(event), event.params.slug)),
	reasons: Object.entries(REJECT_REASONS).map(([value, label]) => ({ value, label }))
});

export const actions: Actions = {
	default: async (event) => {
		const actor = pageActor(event);
		const data = await event.request.formData();
		const id = String(data.get('id') ?? '');
		return formCommand(
			data,
			async (values) => ({
				moderated: await moderateComment(actor, id, {
					decision: values.decision,
					...(values.decision === 'REJECT' ? { reason: values.reason } : {})
				})
			}),
			`moderate-${id}`
		);
	}
};

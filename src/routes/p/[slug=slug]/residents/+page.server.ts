// The officers' queue of residents' confirmed comments on forums' published responses: approve, or
// reject with a reason from the list; the resident is emailed the outcome.
import { REJECT_REASONS, moderateComment, moderationQueue } from '$lib/server/priorities';
import { Invalid } from '$lib/server/platform';
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
		const approve = data.get('decision') === 'APPROVE';
		return formCommand(
			data,
			async (values) => {
				// Either way the decision cannot be undone (an approved comment is shown publicly, a rejected
				// one never): it takes a ticked confirmation.
				const fields: Record<string, string> = {};
				if (!approve && !values.reason) fields.reason = 'Choose a reason for rejecting';
				if (!data.getAll('confirm').includes('true'))
					fields.confirm = approve
						? 'Tick the box to confirm that the comment is to be shown publicly'
						: 'Tick the box to confirm that the comment is to be rejected and never shown';
				if (Object.keys(fields).length) throw new Invalid(fields);
				return {
					moderated: await moderateComment(actor, id, {
						decision: values.decision,
						...(values.decision === 'REJECT' ? { reason: values.reason } : {})
					})
				};
			},
			`${approve ? 'approve' : 'reject'}-${id}`
		);
	}
};

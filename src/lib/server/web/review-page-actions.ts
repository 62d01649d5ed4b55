// The review's publish, reopen and note form actions, shared by the review page and the coding screen:
// both post the same commands as the API (review/publication.ts).
import type { RequestEvent } from '@sveltejs/kit';
import { Invalid } from '../platform/index.ts';
import { fieldErrors } from '../platform/index.ts';
import { formCommand, pageActor } from './http.ts';
import { addReviewNote, publishReview, reopenReview, ReopenReviewInput } from '../review/index.ts';

type Event = RequestEvent<{ id: string }>;

export const reviewActions = {
	publish: async (event: Event) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				const published = await publishReview(pageActor(event), event.params.id, values);
				return { published, republished: published.history.length > 1 };
			},
			'publish'
		),
	reopen: async (event: Event) => {
		const data = await event.request.formData();
		return formCommand(
			data,
			async (values) => {
				// Reopening unfreezes what members have read and stays in the history: a ticked confirmation.
				const fields: Record<string, string> = {};
				const checked = ReopenReviewInput.safeParse(values);
				if (!checked.success) Object.assign(fields, fieldErrors(checked.error));
				if (!data.getAll('confirm').includes('true'))
					fields.confirm = 'Tick the box to confirm that the review is to be reopened';
				if (Object.keys(fields).length) throw new Invalid(fields);
				return { reopened: await reopenReview(pageActor(event), event.params.id, values) };
			},
			'reopen'
		);
	},
	note: async (event: Event) =>
		formCommand(
			await event.request.formData(),
			async (values) => ({ noted: await addReviewNote(pageActor(event), event.params.id, values) }),
			'note'
		)
};

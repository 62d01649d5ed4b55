// The review's publish, reopen and note form actions, shared by the review page and the coding screen:
// both post the same commands as the API (review-publish.ts).
import type { RequestEvent } from '@sveltejs/kit';
import { formCommand, pageActor } from './http.ts';
import { addReviewNote, publishReview, reopenReview } from './review-publish.ts';

type Event = RequestEvent<{ id: string }>;

export const reviewActions = {
	publish: async (event: Event) =>
		formCommand(
			await event.request.formData(),
			async () => ({ published: await publishReview(pageActor(event), event.params.id) }),
			'publish'
		),
	reopen: async (event: Event) =>
		formCommand(
			await event.request.formData(),
			async (values) => ({
				reopened: await reopenReview(pageActor(event), event.params.id, values)
			}),
			'reopen'
		),
	note: async (event: Event) =>
		formCommand(
			await event.request.formData(),
			async (values) => ({ noted: await addReviewNote(pageActor(event), event.params.id, values) }),
			'note'
		)
};

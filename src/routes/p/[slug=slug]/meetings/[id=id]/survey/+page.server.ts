// A member's survey after a meeting: the five statements to answer once, or a thank-you once answered
// (the answers are not tied to the member, so they are never shown back).
import { NotFound } from '$lib/server/platform';
import { forPage, formCommand, pageActor } from '$lib/server/web';
import { meetingContext } from '$lib/server/access';
import { answerSurvey, surveyFor } from '$lib/server/review';
import { SURVEY_KEYS } from '$lib/review/survey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		// Through the partnership in the address, so a meeting of another one is not found here.
		if ((await meetingContext(actor, id)).partnership.slug !== slug) throw new NotFound('meeting');
		return { survey: await surveyFor(actor, id) };
	});
};

export const actions: Actions = {
	default: async (event) =>
		formCommand(await event.request.formData(), async (values) =>
			// The form's fields are named `answers.<statement>`; the command takes them as one object.
			answerSurvey(pageActor(event), event.params.id, {
				answers: Object.fromEntries(SURVEY_KEYS.map((key) => [key, values[`answers.${key}`]])),
				comment: values.comment
			})
		)
};

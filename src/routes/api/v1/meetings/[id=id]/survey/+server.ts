import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { answerSurvey, surveyFor } from '$lib/server/review';

export const GET = endpoint(routes.getSurvey, ({ actor, params }) => surveyFor(actor, params.id));
export const POST = endpoint(routes.answerSurvey, ({ actor, params, body }) =>
	answerSurvey(actor, params.id, body)
);

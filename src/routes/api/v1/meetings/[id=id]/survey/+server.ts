import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { answerSurvey, surveyFor } from '$lib/server/survey';

export const GET = endpoint(routes.getSurvey, ({ actor, params }) => surveyFor(actor, params.id));
export const POST = endpoint(routes.answerSurvey, ({ actor, params, body }) =>
	answerSurvey(actor, params.id, body)
);

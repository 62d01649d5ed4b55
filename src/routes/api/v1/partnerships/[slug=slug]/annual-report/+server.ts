import { annualReport } from '$lib/server/outcomes';
import { endpoint, routes } from '$lib/server/web';

export const GET = endpoint(routes.annualReport, ({ actor, params, query }) =>
	annualReport(actor, params.slug, query)
);

import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { getMailPreferences, setMailPreferences } from '$lib/server/notify';

export const GET = endpoint(routes.getMailPreferences, ({ actor }) => getMailPreferences(actor));
export const PUT = endpoint(routes.setMailPreferences, ({ actor, body }) =>
	setMailPreferences(actor, body)
);

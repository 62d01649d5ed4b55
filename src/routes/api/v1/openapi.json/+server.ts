import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { openApiDocument } from '$lib/server/web';

const document = openApiDocument();

export const GET = endpoint(routes.openapi, async () => document);

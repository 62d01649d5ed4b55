import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { openApiDocument } from '$lib/server/api/openapi';

const document = openApiDocument();

export const GET = endpoint(routes.openapi, async () => document);

// Unknown API paths answer in the API's error shape rather than with an HTML page.
import type { RequestHandler } from '@sveltejs/kit';
import { NotFound } from '$lib/server/errors';
import { errorResponse } from '$lib/server/http';

export const fallback: RequestHandler = ({ locals }) =>
	errorResponse(new NotFound('API route'), locals);

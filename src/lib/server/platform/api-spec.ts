// How an /api/v1 endpoint is declared: method, path, the schemas it takes and gives. Each concept declares
// its own endpoints (its api.ts); web/ gathers them into one table that the route files wrap their handlers
// with and the OpenAPI document is generated from, so the two cannot drift.
import type { z } from 'zod';

export interface RouteSpec {
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	/** OpenAPI path, e.g. /api/v1/partnerships/{slug}/bodies */
	path: string;
	summary: string;
	tag: string;
	/** Routes are signed-in only unless this says otherwise. */
	public?: boolean;
	/** The schema the domain function validates the query string with (documented as query parameters). */
	query?: z.ZodObject;
	/** The schema the domain function validates the body with. */
	body?: z.ZodType;
	/** Instead of a JSON body: one file in a multipart/form-data field, at most maxBytes long. */
	upload?: { field: string; maxBytes: number; description: string };
	response?: z.ZodType;
	/** The answer is a file download rather than JSON; a string names its media type, e.g. text/csv. */
	file?: boolean | string;
	status?: 200 | 201 | 204;
	/** Error statuses this route can answer with, besides 401 for signed-in routes. */
	errors?: number[];
}

export function defineRoutes<T extends Record<string, RouteSpec>>(routes: T): T {
	return routes;
}

/** The path every partnership's own endpoints start with. */
export const PARTNERSHIP_API = '/api/v1/partnerships/{slug}';

/** What a route inside a partnership answers to someone whose role does not allow it, or who is not in it. */
export const IN_PARTNERSHIP = [403, 404];

// Every /api/v1 route: each concept declares its own endpoints (its api.ts); here they are gathered into the
// one table that route files wrap their handler with and the OpenAPI document is generated from, so the two
// cannot drift. A name declared twice is a mistake this refuses at start-up.
import { authApi } from '../../auth/index.ts';
import { decisionsApi } from '../../decisions/index.ts';
import { meetingsApi } from '../../meetings/index.ts';
import { minutesApi } from '../../minutes/index.ts';
import { notifyApi } from '../../notify/index.ts';
import { outcomesApi } from '../../outcomes/index.ts';
import { defineRoutes, type RouteSpec } from '../../platform/index.ts';
import { prioritiesApi, residentsApi } from '../../priorities/index.ts';
import { reviewApi } from '../../review/index.ts';
import { structureApi } from '../../structure/index.ts';

const webApi = defineRoutes({
	openapi: {
		method: 'GET',
		path: '/api/v1/openapi.json',
		summary: 'This document',
		tag: 'Meta',
		public: true
	}
});

/** The concepts' tables, from the bottom of the house up. */
const tables = [
	authApi,
	structureApi,
	notifyApi,
	meetingsApi,
	decisionsApi,
	reviewApi,
	minutesApi,
	prioritiesApi,
	residentsApi,
	outcomesApi,
	webApi
] as const;

function gather<T extends readonly Record<string, RouteSpec>[]>(all: T) {
	const table: Record<string, RouteSpec> = {};
	const seen = new Set<string>();
	for (const routes of all)
		for (const [name, spec] of Object.entries(routes)) {
			const op = `${spec.method} ${spec.path}`;
			if (name in table || seen.has(op))
				throw new Error(`Two API endpoints are declared as ${name} (${op})`);
			seen.add(op);
			table[name] = spec;
		}
	return table as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
	i: infer I
) => void
	? I
	: never;

export const routes = gather(tables);

// The OpenAPI 3.1 document, generated from the route list and the same zod schemas the domain validates with.
import { z } from 'zod';
import type { RouteSpec } from '../../platform/index.ts';
import { routes } from './routes.ts';

const STATUS_TEXT: Record<number, string> = {
	400: 'The input is not valid; `fields` says what is wrong with each field',
	401: 'Not signed in, or the credentials are not right',
	403: 'Your role in this partnership does not allow this',
	404: 'No such record, or it belongs to a partnership you are not in',
	409: 'Conflicts with the current state of the records',
	413: 'The request body is too large',
	429: 'Too many attempts; see Retry-After'
};

const ErrorSchema = z.toJSONSchema(
	z.object({
		error: z.object({
			code: z.string(),
			message: z.string(),
			fields: z.record(z.string(), z.string()).optional()
		})
	})
);

/**
 * The schemas that a route's schema refers to by name (a recursive one, such as the body tree), kept once
 * in `components.schemas`. zod puts them in the schema's own `$defs` and refers to them as `#/$defs/…`,
 * which in an OpenAPI document points at the document's root, where there are none.
 */
type SharedSchemas = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output', shared: SharedSchemas) {
	const {
		$schema: _,
		$defs: defs = {},
		...rest
	} = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown> & {
		$defs?: Record<string, unknown>;
	};
	const names = new Map<string, string>();
	for (const [name, def] of Object.entries(defs)) {
		let sharedName = name;
		for (let n = 2; sharedName in shared && !sameJson(shared[sharedName], def); n++)
			sharedName = `${name}${n}`;
		names.set(name, sharedName);
	}
	const relink = (value: unknown): unknown =>
		Array.isArray(value)
			? value.map(relink)
			: value && typeof value === 'object'
				? Object.fromEntries(
						Object.entries(value).map(([key, v]) => [
							key,
							key === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
								? `#/components/schemas/${names.get(v.slice('#/$defs/'.length))}`
								: relink(v)
						])
					)
				: value;
	for (const [name, def] of Object.entries(defs)) shared[names.get(name)!] = relink(def);
	return relink(rest) as Record<string, unknown>;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function uploadBody(upload: NonNullable<RouteSpec['upload']>) {
	return {
		required: true,
		content: {
			'multipart/form-data': {
				schema: {
					type: 'object',
					properties: {
						[upload.field]: {
							type: 'string',
							format: 'binary',
							description: upload.description,
							maxLength: upload.maxBytes
						}
					},
					required: [upload.field]
				},
				encoding: { [upload.field]: { contentType: 'application/octet-stream' } }
			}
		}
	};
}

function operation(spec: RouteSpec, id: string, shared: SharedSchemas) {
	const params: Record<string, unknown>[] = [...spec.path.matchAll(/\{(\w+)\}/g)].map(
		([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } })
	);
	for (const [name, schema] of Object.entries(spec.query?.shape ?? {})) {
		params.push({
			name,
			in: 'query',
			required: false,
			schema: schemaOf(schema as z.ZodType, 'input', shared)
		});
	}
	const status = spec.status ?? 200;
	const responses: Record<string, unknown> = {
		[status]: {
			description: status === 204 ? 'Done' : spec.file ? 'The file' : 'OK',
			...(spec.response && {
				content: { 'application/json': { schema: schemaOf(spec.response, 'output', shared) } }
			}),
			...(spec.file && {
				content: {
					[typeof spec.file === 'string' ? spec.file : 'application/octet-stream']: {
						schema: { type: 'string', format: typeof spec.file === 'string' ? undefined : 'binary' }
					}
				}
			})
		}
	};
	for (const code of new Set([...(spec.errors ?? []), ...(spec.public ? [] : [401])]).values()) {
		responses[code] = {
			description: STATUS_TEXT[code],
			content: { 'application/json': { schema: ErrorSchema } }
		};
	}
	return {
		operationId: id,
		summary: spec.summary,
		tags: [spec.tag],
		...(spec.public ? { security: [] } : {}),
		...(params.length ? { parameters: params } : {}),
		...(spec.body && {
			requestBody: {
				required: true,
				content: { 'application/json': { schema: schemaOf(spec.body, 'input', shared) } }
			}
		}),
		...(spec.upload && { requestBody: uploadBody(spec.upload) }),
		responses
	};
}

export function openApiDocument(): Record<string, unknown> {
	const paths: Record<string, Record<string, unknown>> = {};
	const shared: SharedSchemas = {};
	for (const [id, spec] of Object.entries(routes) as [string, RouteSpec][]) {
		paths[spec.path] ??= {};
		paths[spec.path][spec.method.toLowerCase()] = operation(spec, id, shared);
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Partnership workspace API',
			version: '1',
			description:
				'Board meetings, forum priorities and deliberative review for community planning partnerships. ' +
				'Sign in with a session cookie (POST /api/v1/auth/login) or send a personal access token as ' +
				'`Authorization: Bearer pat_…`. A token with scope `read` may only GET (anything else: 403); ' +
				'no token may manage tokens, the password or sessions (403). Errors are ' +
				'`{error: {code, message, fields?}}`.'
		},
		components: {
			...(Object.keys(shared).length && { schemas: shared }),
			securitySchemes: {
				session: { type: 'apiKey', in: 'cookie', name: 'session' },
				token: {
					type: 'http',
					scheme: 'bearer',
					description:
						'A personal access token (scope `read` or `read write`, expiring), from /settings'
				}
			}
		},
		security: [{ session: [] }, { token: [] }],
		paths
	};
}

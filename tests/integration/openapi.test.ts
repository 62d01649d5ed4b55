import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { RouteSpec } from '../../src/lib/server/web/index.ts';
import { routes } from '../../src/lib/server/web/index.ts';
import { startServer, type TestServer } from '../support/server.ts';

const ROUTES_DIR = 'src/routes';
const API_DIR = join(ROUTES_DIR, 'api/v1');
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

/** Every method exported by a `+server.ts` under /api/v1, as OpenAPI method and path. */
function routesOnDisk(): { method: string; path: string }[] {
	const files = readdirSync(API_DIR, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('+server.ts') && !file.includes('[...'))
		.map((file) => join(API_DIR, file));
	return files.flatMap((file) => {
		const source = readFileSync(file, 'utf8');
		const path = ('/' + relative(ROUTES_DIR, dirname(file))).replace(/\[(\w+)(=\w+)?\]/g, '{$1}');
		return METHODS.filter((m) =>
			new RegExp(`export (const|async function|function) ${m}\\b`).test(source)
		).map((method) => ({ method, path }));
	});
}

let server: TestServer;
let doc: any;
beforeAll(async () => {
	server = await startServer();
	doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
});
afterAll(() => server?.stop());

const onDisk = routesOnDisk();
const documented = () =>
	Object.entries(doc.paths).flatMap(([path, ops]: [string, any]) =>
		Object.entries(ops).map(([method, op]: [string, any]) => ({ method, path, op }))
	);

describe('GET /api/v1/openapi.json', () => {
	it('is an OpenAPI 3.1 document, served as JSON without signing in', async () => {
		const res = await fetch(`${server.url}/api/v1/openapi.json`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(doc.openapi).toMatch(/^3\.1\./);
		expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
		expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['session', 'token']);
	});

	it('finds the routes on disk to compare with', () => {
		expect(onDisk.length).toBeGreaterThanOrEqual(20);
		expect(onDisk).toContainEqual({
			method: 'DELETE',
			path: '/api/v1/partnerships/{slug}/seats/{id}'
		});
	});

	it.each(onDisk.map(({ method, path }) => [method, path]))('documents %s %s', (method, path) => {
		expect(doc.paths[path], `no path ${path}`).toBeDefined();
		expect(doc.paths[path][method.toLowerCase()], `no ${method} on ${path}`).toBeDefined();
	});

	it('documents nothing that is not a route', () => {
		const served = new Set(onDisk.map(({ method, path }) => `${method} ${path}`));
		const extra = documented()
			.map(({ method, path }) => `${method.toUpperCase()} ${path}`)
			.filter((op) => !served.has(op));
		expect(extra).toEqual([]);
	});

	it('names the path parameters of each operation', () => {
		for (const { path, op } of documented()) {
			const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
			const named = (op.parameters ?? []).filter((p: any) => p.in === 'path');
			expect(named.map((p: any) => p.name)).toEqual(inPath);
		}
	});

	it('gives every signed-in operation a 401, and every error the {error: {code, message}} shape', () => {
		for (const { op } of documented()) {
			if (op.security?.length !== 0) expect(Object.keys(op.responses)).toContain('401');
			for (const [status, response] of Object.entries(op.responses) as [string, any][]) {
				if (Number(status) < 400) continue;
				const schema = response.content['application/json'].schema;
				expect(schema.properties.error.required).toEqual(['code', 'message']);
			}
		}
	});
});

describe('request bodies in the document', () => {
	const body = (id: string) => {
		const op = documented().find(({ op }) => op.operationId === id)!.op;
		return op.requestBody.content['application/json'].schema;
	};

	it.each([
		['createOrganisation', ['name', 'sector', 'statutory'], ['name', 'sector']],
		[
			'createBody',
			['name', 'kind', 'parentId', 'leadOrganisationId', 'remit', 'quorum'],
			['name', 'kind']
		],
		['addSeat', ['membershipId', 'role'], ['membershipId', 'role']],
		['login', ['email', 'password'], ['email', 'password']],
		['changePassword', ['currentPassword', 'newPassword'], ['currentPassword', 'newPassword']],
		['createInvitation', ['email', 'name', 'role', 'organisationId'], ['email', 'name', 'role']]
	])('%s is a JSON schema with its fields', (id, fields, required) => {
		const schema = body(id);
		expect(schema.type).toBe('object');
		expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(fields));
		expect(schema.required).toEqual(expect.arrayContaining(required));
	});

	it('says a member from a sector brings its perspective and does not speak for it', () => {
		const capacity = body('createInvitation').properties.capacity;
		expect(capacity.enum).toEqual(expect.arrayContaining(['FROM_SECTOR', 'OF_ORGANISATION']));
		expect(capacity.description).toMatch(
			/FROM_SECTOR: sits from their sector, bringing its perspective/
		);
		expect(capacity.description).toMatch(/without speaking for it/);
	});

	it('offers the sectors and body kinds the domain accepts', () => {
		expect(body('createOrganisation').properties.sector.enum).toContain('THIRD_SECTOR');
		expect(body('createBody').properties.kind.enum).toContain('LOCALITY_FORUM');
	});

	it.each(
		(Object.entries(routes) as [string, RouteSpec][])
			.filter(([, spec]) => spec.body)
			.map(([id, spec]) => [id, spec.body as z.ZodObject])
	)('%s comes from the schema the domain validates with', (id, schema) => {
		// A step-by-type input (a discriminated union) is documented as one object schema per variant.
		const variants: readonly z.ZodObject[] =
			'options' in schema
				? ((schema as unknown as z.ZodDiscriminatedUnion).options as readonly z.ZodObject[])
				: [schema];
		const documented = variants.length > 1 ? (body(id).oneOf ?? body(id).anyOf) : [body(id)];
		expect(documented.map((v: any) => Object.keys(v.properties).sort())).toEqual(
			variants.map((v) => Object.keys(v.shape).sort())
		);
	});
});

describe('the documented routes are served', () => {
	const concrete = (path: string) =>
		path.replace('{slug}', 'nowhere').replace(/\{\w+\}/g, 'a'.repeat(24));

	it('every signed-in operation answers 401 without a session, never a 404 for the route', async () => {
		for (const { method, path, op } of documented()) {
			if (op.security?.length === 0) continue;
			const res = await fetch(server.url + concrete(path), {
				method: method.toUpperCase(),
				headers: { 'content-type': 'application/json' },
				body: method === 'get' ? undefined : '{}'
			});
			expect(res.status, `${method} ${path}`).toBe(401);
		}
	});
});

// The gathered OpenAPI document is one that other people's tools accept: a maintained validator finds it
// valid (every $ref resolves), and a client generator turns it into types that a consumer's code
// type-checks against, so an API client can be generated from /api/v1/openapi.json.
import SwaggerParser from '@apidevtools/swagger-parser';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/lib/server/web/index.ts';

const OUT = resolve('tests/.tmp/openapi-client');

/** A consumer of the generated types: two endpoints called with typed answers and a typed body. */
const CONSUMER = `
import type { components, paths } from './api.ts';

type Structure =
	paths['/api/v1/partnerships/{slug}/structure']['get']['responses'][200]['content']['application/json'];
type NewOrganisation = NonNullable<
	paths['/api/v1/partnerships/{slug}/organisations']['post']['requestBody']
>['content']['application/json'];
type Organisation =
	paths['/api/v1/partnerships/{slug}/organisations']['post']['responses'][201]['content']['application/json'];

/** The names of a partnership's bodies, the tree walked through the recursive BodyNode schema. */
export async function bodyNames(base: string, slug: string): Promise<string[]> {
	const res = await fetch(\`\${base}/api/v1/partnerships/\${slug}/structure\`);
	const structure = (await res.json()) as Structure;
	const names = (node: components['schemas']['BodyNode']): string[] => [
		node.name,
		...node.children.flatMap(names)
	];
	return structure.bodies.flatMap(names);
}

export async function addOrganisation(base: string, slug: string, body: NewOrganisation) {
	const res = await fetch(\`\${base}/api/v1/partnerships/\${slug}/organisations\`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	const created = (await res.json()) as Organisation;
	return created.id;
}

export const trust: NewOrganisation = { name: 'Riverside Trust', sector: 'THIRD_SECTOR' };
// @ts-expect-error the generated types know the sectors the API accepts
export const wrong: NewOrganisation = { name: 'Riverside Trust', sector: 'NOT_A_SECTOR' };
`;

/** A consumer that reads an answer wrongly: the generated types must make this an error. */
const WRONG_CONSUMER = `
import type { paths } from './api.ts';
type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];
export const email = (me: Me): number => me.user.email;
`;

/** Type-checks the files together (one program: the generated types are read once), errors by file. */
function typeErrors(files: string[]): string[][] {
	const program = ts.createProgram(files, {
		strict: true,
		noEmit: true,
		skipLibCheck: true,
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler,
		allowImportingTsExtensions: true,
		lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
		types: []
	});
	return files.map((file) =>
		ts
			.getPreEmitDiagnostics(program, program.getSourceFile(file))
			.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
	);
}

/** The client's types, generated with openapi-typescript as a consumer would, and what the compiler says. */
let types: string;
let consumerErrors: string[];
let wrongConsumerErrors: string[];
beforeAll(async () => {
	mkdirSync(OUT, { recursive: true });
	types = astToString(await openapiTS(structuredClone(openApiDocument()) as never));
	writeFileSync(join(OUT, 'api.ts'), types);
	writeFileSync(join(OUT, 'consumer.ts'), CONSUMER);
	writeFileSync(join(OUT, 'wrong-consumer.ts'), WRONG_CONSUMER);
	[consumerErrors, wrongConsumerErrors] = typeErrors([
		join(OUT, 'consumer.ts'),
		join(OUT, 'wrong-consumer.ts')
	]);
}, 120_000);

describe('the OpenAPI document', () => {
	it('is valid OpenAPI 3.1 to a maintained validator, every $ref resolving', async () => {
		const valid = (await SwaggerParser.validate(structuredClone(openApiDocument()) as never)) as {
			openapi?: string;
		};
		expect(valid.openapi).toMatch(/^3\.1\./);
	}, 60_000);

	it('generates a typed client that a consumer type-checks against', () => {
		expect(types).toContain('"/api/v1/partnerships/{slug}/structure"');
		expect(consumerErrors).toEqual([]);
	});

	it('refuses a consumer that uses an answer wrongly, so the check above means something', () => {
		expect(wrongConsumerErrors.join('\n')).toMatch(/not assignable to type 'number'/);
	});
});

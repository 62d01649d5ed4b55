import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

describe('the running server', () => {
	it('answers /healthz with 200 when the database answers', async () => {
		const res = await fetch(`${server.url}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok' });
	});

	it('gives every answer a request id', async () => {
		const res = await fetch(`${server.url}/healthz`);
		expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
	});

	it('answers unknown API paths with a JSON 404', async () => {
		const res = await fetch(`${server.url}/api/v1/no-such-thing`);
		expect(res.status).toBe(404);
		expect((await res.json()).error.code).toBe('not_found');
	});

	it('answers an unsupported method on an API route with a JSON 405 naming the allowed ones', async () => {
		const res = await fetch(`${server.url}/api/v1/me`, { method: 'PUT' });
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toContain('GET');
		expect((await res.json()).error.code).toBe('method_not_allowed');
	});
});

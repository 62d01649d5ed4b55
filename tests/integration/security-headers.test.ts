// Every answer carries the browser protections: pages a Content-Security-Policy with nonces (no inline
// script of anyone else's), no framing, a same-origin referrer and no type sniffing; API answers the same
// protections with a policy that allows nothing; HSTS only where the site is served over https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let secure: TestServer;
beforeAll(async () => {
	[server, secure] = await Promise.all([
		startServer(),
		// As behind a TLS-terminating proxy: ORIGIN names the https address people use.
		startServer({ env: { ORIGIN: 'https://board.example.test' } })
	]);
	await makePartnership(server.db, 'alpha');
});
afterAll(async () => {
	await server?.stop();
	await secure?.stop();
});

function directives(csp: string | null): Map<string, string[]> {
	return new Map(
		(csp ?? '')
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...values]) => [name, values])
	);
}

function expectCommon(headers: Headers) {
	expect(headers.get('x-content-type-options')).toBe('nosniff');
	expect(headers.get('referrer-policy')).toBe('same-origin');
	expect(directives(headers.get('content-security-policy')).get('frame-ancestors')).toEqual([
		"'none'"
	]);
}

describe('pages', () => {
	it('send a Content-Security-Policy with a fresh nonce for scripts, and no inline scripts otherwise', async () => {
		const first = await new Client(server.url).get('/login');
		const second = await new Client(server.url).get('/login');
		expect(first.status).toBe(200);
		expectCommon(first.headers);
		const csp = directives(first.headers.get('content-security-policy'));
		const scripts = csp.get('script-src')!;
		expect(scripts[0]).toBe("'self'");
		expect(scripts).not.toContain("'unsafe-inline'");
		expect(scripts).not.toContain("'unsafe-eval'");
		const nonce = scripts.find((s) => s.startsWith("'nonce-"))!;
		expect(nonce).toBeTruthy();
		expect(second.headers.get('content-security-policy')).not.toContain(nonce);
		// Every inline script on the page carries that nonce.
		const inline = [...first.text.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)];
		expect(inline.length).toBeGreaterThan(0);
		for (const [, attributes] of inline)
			expect(attributes).toContain(`nonce="${nonce.slice(7, -1)}"`);
		expect(csp.get('default-src')).toEqual(["'self'"]);
		expect(csp.get('object-src')).toEqual(["'none'"]);
		expect(csp.get('base-uri')).toEqual(["'self'"]);
		expect(csp.get('form-action')).toEqual(["'self'"]);
		expect(csp.get('style-src')).toEqual(["'self'"]);
		expect(csp.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
		// The sync WebSocket on this host, and nowhere else.
		const host = new URL(server.url).host;
		expect(csp.get('connect-src')).toEqual(["'self'", `ws://${host}`]);
		expect(first.headers.get('strict-transport-security')).toBeNull();
	});

	it('send them to signed-in people, on error pages and on refusals too', async () => {
		const admin = await signedIn(server.url, 'admin@alpha.test');
		for (const res of [
			await admin.get('/p/alpha'),
			await admin.get('/p/no-such-partnership'),
			await new Client(server.url).request('POST', '/login', 'email=x', {
				'content-type': 'application/x-www-form-urlencoded',
				origin: 'https://elsewhere.test'
			})
		]) {
			expectCommon(res.headers);
		}
		expect((await admin.get('/p/alpha')).headers.get('content-security-policy')).toMatch(
			/script-src 'self' 'nonce-/
		);
	});
});

describe('the API', () => {
	it('answers with nosniff, the referrer policy and a policy that allows nothing', async () => {
		for (const res of [
			await new Client(server.url).get('/api/v1/me'),
			await new Client(server.url).get('/api/v1/openapi.json'),
			await (await signedIn(server.url, 'member@alpha.test')).get('/api/v1/me'),
			await new Client(server.url).get('/healthz')
		]) {
			expectCommon(res.headers);
			expect(directives(res.headers.get('content-security-policy')).get('default-src')).toEqual([
				"'none'"
			]);
		}
	});
});

describe('HSTS', () => {
	it('is sent when the site is served over https, with a year’s max-age', async () => {
		for (const path of ['/login', '/api/v1/me']) {
			const res = await new Client(secure.url).get(path);
			expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
			expectCommon(res.headers);
		}
		const csp = directives(
			(await new Client(secure.url).get('/login')).headers.get('content-security-policy')
		);
		expect(csp.get('connect-src')).toEqual(["'self'", 'wss://board.example.test']);
	});

	it('is not sent over plain http, even when a client claims https in the protocol header', async () => {
		const res = await new Client(server.url, undefined, {
			'x-workspace-protocol': 'https',
			'x-forwarded-proto': 'https'
		}).get('/login');
		expect(res.headers.get('strict-transport-security')).toBeNull();
	});
});

// docs/deploy/nginx.conf, run as it stands (only the addresses changed) in front of two instances on one
// database and one Redis: pages and the API answer through it, shared documents converge through it, and
// draining an instance for an upgrade (SIGTERM) loses no edit: its clients reconnect through nginx to the
// other instance. Needs Debian's nginx (`npm test` and .ci/run install it).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMeeting } from '../support/meetings.ts';
import { TMP_DIR } from '../support/paths.ts';
import { freePort } from '../support/ports.ts';
import { signedIn } from '../support/people.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { freshDataDir, removeDataDir, startServer, type TestServer } from '../support/server.ts';
import { burstOfTokens, connect, type SyncClient } from '../support/sync.ts';

const NGINX = process.env.NGINX || (spawnSync('nginx', ['-v']).error ? '/usr/sbin/nginx' : 'nginx');
const EXAMPLE = resolve('docs/deploy/nginx.conf');

/** The example with this test's addresses: its two upstream servers and its listening port. */
function exampleFor(upstreams: string[], port: number): string {
	const example = readFileSync(EXAMPLE, 'utf8');
	const servers = [...example.matchAll(/^(\s*)server 127\.0\.0\.1:\d+(.*)$/gm)];
	expect(servers, 'the example names two upstream servers').toHaveLength(2);
	let config = example;
	servers.forEach((m, i) => {
		config = config.replace(m[0], `${m[1]}server ${upstreams[i]}${m[2]}`);
	});
	return config.replace(/listen 80;/, `listen 127.0.0.1:${port};`);
}

let redis: TestRedis;
let dataDir: string;
let prefix: string;
let nginx: ChildProcess;
let address: string;
let instances: TestServer[] = [];
let fx: Fixture;

beforeAll(async () => {
	if (spawnSync(NGINX, ['-v']).error)
		throw new Error(
			'This test needs nginx. Install it with:\n\n  sudo apt-get install -y nginx-light\n\n' +
				'(or set NGINX to its path).'
		);
	redis = await startRedis();
	dataDir = await freshDataDir();
	const port = await freePort();
	address = `http://127.0.0.1:${port}`;
	const env = { REDIS_URL: redis.url, ORIGIN: address };
	instances = await Promise.all([0, 1].map(() => startServer({ dataDir, env })));
	fx = await makePartnership(instances[0].db, 'nginx');

	mkdirSync(TMP_DIR, { recursive: true });
	prefix = mkdtempSync(join(TMP_DIR, 'nginx-'));
	const upstreams = instances.map((s) => new URL(s.url).host);
	writeFileSync(
		join(prefix, 'nginx.conf'),
		[
			`pid ${join(prefix, 'nginx.pid')};`,
			`error_log ${join(prefix, 'error.log')} warn;`,
			'events {}',
			'http {',
			'access_log off;',
			exampleFor(upstreams, port),
			'}'
		].join('\n')
	);
	nginx = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let said = '';
	nginx.stderr!.on('data', (d) => (said += d));
	const end = Date.now() + 10_000;
	for (;;) {
		const up = await fetch(`${address}/healthz`).then(
			(r) => r.status,
			() => 0
		);
		if (up === 200) break;
		if (nginx.exitCode !== null || Date.now() > end)
			throw new Error(`nginx did not start:\n${said}`);
		await new Promise((r) => setTimeout(r, 50));
	}
});

afterAll(async () => {
	if (nginx && nginx.exitCode === null) {
		const stopped = new Promise((r) => nginx.once('exit', r));
		nginx.kill('SIGQUIT');
		await stopped;
	}
	await Promise.all(instances.map((s) => s.stop()));
	if (dataDir) await removeDataDir(dataDir);
	if (prefix) rmSync(prefix, { recursive: true, force: true });
	await redis?.stop();
});

async function until(check: () => boolean, ms = 10_000): Promise<boolean> {
	const end = Date.now() + ms;
	while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
	return check();
}

const tokensOf = (client: SyncClient) => client.doc.getArray<string>('tokens');

describe('the example nginx configuration in front of two instances', () => {
	it('serves pages and the API, and signs people in, through one address', async () => {
		expect((await fetch(`${address}/healthz`)).status).toBe(200);
		const officer = await signedIn(address, fx.members.SECRETARIAT.email);
		const me = await officer.get('/api/v1/me');
		expect(me.status).toBe(200);
	});

	it('passes shared documents through, and an instance drained for an upgrade loses no edit', async () => {
		const meeting = await makeMeeting(instances[0].db, fx);
		const docName = `meeting:${meeting.id}:minutes`;
		const cookies = await Promise.all(
			(['SECRETARIAT', 'ADMIN'] as const).map(
				async (role) => (await signedIn(address, fx.members[role].email)).cookie
			)
		);
		const clients = cookies.map((cookie) => connect(address, docName, cookie));
		await Promise.all(clients.map((c) => c.synced));
		const burst = burstOfTokens(clients, 10, 'c');
		const { acknowledged } = burst;
		await until(() => acknowledged.size > 20);
		// The upgrade: stop one instance the way DEPLOY.md says (SIGTERM), start its replacement.
		await instances[0].stop();
		await until(() => clients.every((c) => c.provider.wsconnected && c.provider.synced));
		const before = acknowledged.size;
		await until(() => acknowledged.size > before + 20);
		burst.stop();
		await new Promise((r) => setTimeout(r, 300));
		for (const client of clients) client.destroy();

		const checker = connect(address, docName, cookies[0]);
		await checker.synced;
		const stored = new Set(tokensOf(checker).toArray());
		checker.destroy();
		expect([...acknowledged].filter((token) => !stored.has(token))).toEqual([]);
		expect(acknowledged.size).toBeGreaterThan(before);
	});
});

// Two instances of the built app, separate processes on one PostgreSQL database and one Redis, as an
// operator runs them behind a load balancer: shared documents converge across them, rights and limits
// hold on both, live changes and revocations cross from one to the other, compaction on one loses
// nothing the other writes, and killing one mid-edit loses no update any client saw stored.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restrictedEvidenceName } from '../../src/lib/collab/documents.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMeeting, makeMemberOf, makeRestrictedPaper } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { mulberry32 } from '../support/random.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { freshDataDir, removeDataDir, startServer, type TestServer } from '../support/server.ts';
import { burstOfTokens, connect, upgradeStatus, type SyncClient } from '../support/sync.ts';

// Small thresholds, so compaction happens often while both instances take writes.
const ENV = { SYNC_COMPACT_AFTER_UPDATES: '25' };

let redis: TestRedis;
let dataDir: string;
let a: TestServer;
let b: TestServer;
let fx: Fixture;

function instance(): Promise<TestServer> {
	return startServer({ dataDir, env: { ...ENV, REDIS_URL: redis.url } });
}

beforeAll(async () => {
	redis = await startRedis();
	dataDir = await freshDataDir();
	[a, b] = await Promise.all([instance(), instance()]);
	fx = await makePartnership(a.db, 'two');
});
afterAll(async () => {
	await Promise.all([a?.stop(), b?.stop()]);
	if (dataDir) await removeDataDir(dataDir);
	await redis?.stop();
});

async function until(check: () => boolean, ms = 5000): Promise<boolean> {
	const end = Date.now() + ms;
	while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
	return check();
}

function synced(client: SyncClient, ms = 10_000): Promise<void> {
	return Promise.race([
		client.synced,
		new Promise<void>((_, fail) => setTimeout(() => fail(new Error('did not sync')), ms))
	]);
}

const tokensOf = (client: SyncClient) => client.doc.getArray<string>('tokens');

describe('two instances on one database and one Redis', () => {
	it('stock clients on each converge on all four documents of a meeting', async () => {
		const meeting = await makeMeeting(a.db, fx);
		const officer = await signedIn(a.url, fx.members.SECRETARIAT.email);
		const chair = await signedIn(b.url, fx.members.ADMIN.email);
		for (const kind of ['agenda', 'evidence', 'decisions', 'minutes']) {
			const docName = `meeting:${meeting.id}:${kind}`;
			const onA = connect(a.url, docName, officer.cookie);
			const onB = connect(b.url, docName, chair.cookie);
			await Promise.all([synced(onA), synced(onB)]);
			tokensOf(onA).push([`a-${kind}`]);
			tokensOf(onB).push([`b-${kind}`]);
			const both = (c: SyncClient) => tokensOf(c).length === 2;
			expect(await until(() => both(onA) && both(onB)), kind).toBe(true);
			expect(tokensOf(onA).toArray().sort()).toEqual(tokensOf(onB).toArray().sort());
			onA.destroy();
			onB.destroy();
		}
	});

	it('refuses a restricted paper’s document on both to someone its organisations leave out', async () => {
		const meeting = await makeMeeting(a.db, fx);
		const paper = await makeRestrictedPaper(a.db, meeting.id, [fx.organisations.council.id]);
		const outsider = await makeMemberOf(a.db, fx, 'health');
		const insider = await makeMemberOf(a.db, fx, 'council');
		const docName = restrictedEvidenceName(meeting.id, paper.id);
		for (const server of [a, b]) {
			const out = await signedIn(server.url, outsider.email);
			const within = await signedIn(server.url, insider.email);
			expect(
				await upgradeStatus(server.url, docName, { cookie: out.cookie, origin: server.url })
			).toBe(403);
			expect(
				await upgradeStatus(server.url, docName, { cookie: within.cookie, origin: server.url })
			).toBe(101);
		}
	});

	it('tells an event-stream viewer on B within a second of a change recorded through A', async () => {
		const meeting = await makeMeeting(a.db, fx);
		const observer = await signedIn(b.url, fx.members.OBSERVER.email);
		const officer = await signedIn(a.url, fx.members.SECRETARIAT.email);
		const controller = new AbortController();
		const response = await fetch(`${b.url}/api/v1/meetings/${meeting.id}/events`, {
			headers: { cookie: observer.cookie },
			signal: controller.signal
		});
		expect(response.status).toBe(200);
		let text = '';
		const reading = (async () => {
			const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
			try {
				for (;;) {
					const { value, done } = await reader.read();
					if (done) return;
					text += value;
				}
			} catch {
				// aborted
			}
		})();
		const sent = Date.now();
		expect(
			(await officer.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true })).status
		).toBe(200);
		expect(await until(() => text.includes('event: change'), 3000)).toBe(true);
		expect(Date.now() - sent).toBeLessThan(1000);
		expect(text).toContain(`"meetingId":"${meeting.id}"`);
		controller.abort();
		await reading;
	});

	it('counts failed sign-ins on both instances together', async () => {
		const email = fx.members.MEMBER.email;
		const attempt = (server: TestServer) =>
			fetch(`${server.url}/api/v1/auth/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: server.url },
				body: JSON.stringify({ email, password: 'not the password' })
			});
		// Five failures allowed per source (this address, this account), spread over the two.
		for (const server of [a, b, a, b, a]) expect((await attempt(server)).status).toBe(401);
		expect((await attempt(b)).status).toBe(429);
		expect((await attempt(a)).status).toBe(429);
	});

	it('closes a socket on B when its session is ended through A', async () => {
		const meeting = await makeMeeting(a.db, fx);
		const person = await signedIn(a.url, fx.members.REVIEWER.email);
		const client = connect(b.url, `meeting:${meeting.id}:agenda`, person.cookie);
		await synced(client);
		const closed = new Promise<number>((resolve) =>
			client.provider.on('connection-close', (event: CloseEvent | null) =>
				resolve(event?.code ?? 0)
			)
		);
		expect((await person.post('/api/v1/auth/logout')).status).toBeLessThan(300);
		const code = await Promise.race([
			closed,
			new Promise<number>((r) => setTimeout(() => r(-1), 3000))
		]);
		expect(code).toBe(4401);
		client.destroy();
	});

	it('loses nothing when A compacts the log while B takes writes', async () => {
		const meeting = await makeMeeting(a.db, fx);
		const docName = `meeting:${meeting.id}:minutes`;
		const officer = await signedIn(a.url, fx.members.SECRETARIAT.email);
		const chair = await signedIn(b.url, fx.members.ADMIN.email);
		const onA = connect(a.url, docName, officer.cookie);
		const onB = connect(b.url, docName, chair.cookie);
		await Promise.all([synced(onA), synced(onB)]);
		const written: string[] = [];
		for (let i = 0; i < 150; i++) {
			const token = `t${i}`;
			written.push(token);
			// Both write; A's writes cross its compaction threshold (25) six times meanwhile.
			tokensOf(i % 2 ? onB : onA).push([token]);
			if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
		}
		expect(await until(() => tokensOf(onA).length === 150 && tokensOf(onB).length === 150)).toBe(
			true
		);
		onA.destroy();
		onB.destroy();
		const snapshot = await a.db.docSnapshot.findUnique({ where: { docName } });
		expect(snapshot, 'A compacted').not.toBeNull();
		// A client that loads the document afresh, from what is stored, finds every token.
		const fresh = connect(a.url, docName, officer.cookie);
		await synced(fresh);
		expect(tokensOf(fresh).toArray().sort()).toEqual(written.sort());
		fresh.destroy();
	});
});

/** One address in front of the instances, as a load balancer is: each connection to a live one. */
class Balancer {
	server: Server;
	backends: (TestServer | undefined)[] = [];
	#next = 0;
	#sockets = new Set<Socket>();

	constructor() {
		this.server = createServer((client) => {
			const live = this.backends.filter((s): s is TestServer => !!s && s.process.exitCode === null);
			if (live.length === 0) return void client.destroy();
			const target = live[this.#next++ % live.length];
			const upstream = createConnection(Number(new URL(target.url).port), '127.0.0.1');
			for (const [from, to] of [
				[client, upstream],
				[upstream, client]
			]) {
				this.#sockets.add(from);
				from.pipe(to);
				from.on('error', () => to.destroy());
				from.on('close', () => {
					this.#sockets.delete(from);
					to.destroy();
				});
			}
		});
	}

	async listen(): Promise<string> {
		await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
		return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
	}

	async close(): Promise<void> {
		for (const socket of this.#sockets) socket.destroy();
		await new Promise((r) => this.server.close(r));
	}
}

describe('an instance killed during a burst of edits', () => {
	const KILLS = Number(process.env.INSTANCE_KILLS ?? 20);

	it(
		'loses no update a client saw stored, over repeated SIGKILLs, clients reconnecting to the survivor',
		{ timeout: 240_000 },
		async () => {
			const random = mulberry32(Number(process.env.INSTANCE_KILL_SEED ?? 20261207));
			const meeting = await makeMeeting(a.db, fx);
			const docName = `meeting:${meeting.id}:agenda`;
			const balancer = new Balancer();
			balancer.backends = [a, b];
			const address = await balancer.listen();
			const cookies = await Promise.all(
				(['SECRETARIAT', 'ADMIN'] as const).map(
					async (role) => (await signedIn(a.url, fx.members[role].email)).cookie
				)
			);
			// A token counts as acknowledged once another client has it: the server sends an update on
			// only after storing it.
			const clients = cookies.map((cookie) => connect(address, docName, cookie));
			const burst = burstOfTokens(clients, 5);
			const { acknowledged } = burst;
			try {
				for (let kill = 0; kill < KILLS; kill++) {
					// Alternate which instance dies, so each restart also reloads the document cold.
					const victimIndex = kill % 2;
					await new Promise((r) => setTimeout(r, 150 + random() * 350));
					const victim = balancer.backends[victimIndex]!;
					const exited = new Promise((r) => victim.process.once('exit', r));
					victim.process.kill('SIGKILL');
					await exited;
					await victim.db.$disconnect();
					balancer.backends[victimIndex] = undefined;
					const restarted = await instance();
					balancer.backends[victimIndex] = restarted;
					if (victimIndex === 0) a = restarted;
					else b = restarted;
				}
			} finally {
				burst.stop();
			}
			await until(() => clients.every((c) => c.provider.synced), 10_000);
			await new Promise((r) => setTimeout(r, 300));
			for (const client of clients) client.destroy();
			await balancer.close();

			const checker = connect(b.url, docName, cookies[0]);
			await synced(checker);
			const stored = new Set(tokensOf(checker).toArray());
			checker.destroy();
			const lost = [...acknowledged].filter((token) => !stored.has(token));
			expect(acknowledged.size).toBeGreaterThan(KILLS * 5);
			expect(lost).toEqual([]);
			console.log(
				`instances: ${KILLS} kills, ${burst.written()} tokens written, ${acknowledged.size} acknowledged, ${stored.size} stored, 0 lost`
			);
		}
	);
});

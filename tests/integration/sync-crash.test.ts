// A server killed with SIGKILL at any moment loses no update that any client had received: clients edit
// continuously, the server is killed at random moments and restarted on the same data, and after each
// restart a new client must find every token any client had seen arriving from the server.
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { makePartnership } from '../support/factories.ts';
import { makeMeeting } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { freshDataDir, startServer, type TestServer, removeDataDir } from '../support/server.ts';
import { connect, type SyncClient } from '../support/sync.ts';
import { mulberry32 } from '../support/random.ts';

const KILLS = 22;
const WRITERS = ['SECRETARIAT', 'MEMBER', 'ADMIN'] as const;
// Compacting often puts some kills in the middle of a compaction too.
const ENV = { SYNC_COMPACT_AFTER_UPDATES: '40' };

const dataDir = await freshDataDir();
let server: TestServer | undefined;
afterAll(async () => {
	if (server?.process.exitCode === null) server.process.kill('SIGKILL');
	await server?.db.$disconnect();
	await removeDataDir(dataDir);
});

async function kill(s: TestServer): Promise<void> {
	const exited = new Promise((r) => s.process.once('exit', r));
	s.process.kill('SIGKILL');
	await exited;
	await s.db.$disconnect();
}

async function loaded(url: string, docName: string, cookie: string): Promise<Set<string>> {
	const client = connect(url, docName, cookie);
	try {
		await Promise.race([
			client.synced,
			new Promise((_, fail) => setTimeout(() => fail(new Error('checker did not sync')), 10_000))
		]);
		return new Set(client.doc.getArray<string>('tokens').toArray());
	} finally {
		client.destroy();
	}
}

it(
	'keeps every update a client has received across SIGKILLs at random moments',
	{ timeout: 180_000 },
	async () => {
		const random = mulberry32(Number(process.env.SYNC_CRASH_SEED ?? 20261124));
		server = await startServer({ dataDir, env: ENV });
		const fx = await makePartnership(server.db, 'crash');
		const docName = `meeting:${(await makeMeeting(server.db, fx)).id}:agenda`;
		const cookies: Record<string, string> = {};
		for (const role of WRITERS)
			cookies[role] = (await signedIn(server.url, fx.members[role].email)).cookie;

		const received = new Set<string>();
		let checks = 0;
		let written = 0;
		for (let round = 0; round <= KILLS; round++) {
			if (round > 0) server = await startServer({ dataDir, env: ENV });
			const present = await loaded(server.url, docName, cookies.MEMBER);
			const missing = [...received].filter((token) => !present.has(token));
			expect(missing, `round ${round}: updates lost after a kill`).toEqual([]);
			checks += received.size;
			if (round === KILLS) break;

			const writers: SyncClient[] = WRITERS.map((role) =>
				connect(server!.url, docName, cookies[role])
			);
			const timers = writers.map((writer, i) => {
				const tokens = writer.doc.getArray<string>('tokens');
				tokens.observe((event) => {
					if (event.transaction.origin !== writer.provider) return;
					for (const item of event.changes.added)
						for (const token of item.content.getContent()) received.add(token as string);
				});
				let n = 0;
				return setInterval(
					() => {
						if (!writer.provider.wsconnected) return;
						tokens.push([`r${round}-w${i}-${n++}`]);
						written++;
					},
					4 + Math.floor(random() * 8)
				);
			});
			await new Promise((r) => setTimeout(r, 150 + random() * 900));
			await kill(server);
			for (const t of timers) clearInterval(t);
			for (const w of writers) w.destroy();
		}
		console.log(
			`sync crash: ${KILLS} kills, ${written} tokens written, ${received.size} distinct tokens received ` +
				`from the server, ${checks} token checks after restarts, none lost`
		);
		expect(received.size).toBeGreaterThan(KILLS * 10);
		await kill(server);
		server = undefined;
	}
);

// `npm run bench:live`: what a live meeting costs as its audience grows, on the demo partnership's board
// meeting (started, on its first item). In one run, on one server:
//
// 1. Throughput with 10 concurrent readers for a few seconds each: the meeting JSON
//    (GET /api/v1/meetings/{id}, the baseline) and the live page's data (its __data.json, as a browser
//    fetches it on opening the page), with the server's CPU per request.
// 2. Followers: 10, 50 and 200 signed-in live pages (the demo's people in turn) and 500 followers of the
//    public gallery. The chair then makes a change through the API (moves to the next item and back),
//    ROUNDS times; for each follower, the time from sending the command to having the new view: the stream's next
//    snapshot, or on a server whose pages reload (an earlier build: `--entry <its build/start.js>`) the
//    change event, the page's 40 ms wait and its __data.json.
//
// Prints the figures against the targets (the live page's data at least half the meeting JSON's
// requests/s; p95 under 1 s for 200 followers and for 500 in the gallery) and writes
// bench/results/live-<date>.json. `--quick` runs shorter and writes nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { prepareTestDatabase } from '../tests/support/database.ts';
import { Client } from '../tests/support/client.ts';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../tests/e2e/accounts.ts';
import { startServer, type TestServer } from '../tests/support/server.ts';
import { ensureBuilt } from './fixture.ts';
import { describeMachine } from './machine.ts';
import { treeTicks } from './proc-stats.ts';

const quick = process.argv.includes('--quick');
const entryAt = process.argv.indexOf('--entry');
const entry = entryAt > 0 ? resolve(process.argv[entryAt + 1]) : undefined;
const THROUGHPUT_MS = quick ? 2_000 : 5_000;
const READERS = 10;
const ROUNDS = quick ? 3 : 8;
const FOLLOWERS = [10, 50, 200];
const GALLERY = 500;
const TARGETS = { dataShareOfJson: 0.5, p95Ms: 1000 };
/** The old live page waited this long after a change before reloading its data. */
const OLD_COALESCE_MS = 40;
const SLUG = 'strathmuir';
const TICK_MS = 10; // /proc clock ticks (USER_HZ 100)

const log = (line: string) => console.log(line);
/** Set as the server stops: the streams still open end with it. */
let stopping = false;

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function signedIn(url: string, email: string): Promise<Client> {
	const client = new Client(url);
	await client.login(email, DEMO_PASSWORD);
	return client;
}

/** The demo board's upcoming meeting, started by its chair and on its first item. */
async function liveMeeting(chair: Client): Promise<Meeting> {
	const bodies = (await chair.get(`/api/v1/partnerships/${SLUG}/bodies`)).json as {
		id: string;
		name: string;
	}[];
	const board = bodies.find((b) => b.name === 'Strathmuir Partnership Board')!;
	const meetings = (await chair.get(`/api/v1/bodies/${board.id}/meetings`)).json as {
		id: string;
		title: string;
		status: string;
	}[];
	const meeting = meetings.find((m) => m.status === 'AGENDA_ISSUED')!;
	const started = await chair.post(`/api/v1/meetings/${meeting.id}/start`);
	if (started.status !== 200) throw new Error(`start: ${started.status} ${started.text}`);
	const view = (await chair.get(`/api/v1/meetings/${meeting.id}`)).json as {
		items: { id: string; withdrawn: boolean }[];
	};
	const first = view.items.find((i) => !i.withdrawn)!;
	const moved = await chair.post(`/api/v1/meetings/${meeting.id}/current-item`, {
		agendaItemId: first.id
	});
	if (moved.status !== 200) throw new Error(`current item: ${moved.status} ${moved.text}`);
	const second = view.items.filter((i) => !i.withdrawn)[1];
	return { id: meeting.id, items: [second.id, first.id] };
}

/** The meeting under test, and two of its items the chair moves between, one change per round. */
interface Meeting {
	id: string;
	items: [string, string];
}

/** Requests/s over THROUGHPUT_MS with READERS loops, and the server's CPU ms per request. */
async function throughput(server: TestServer, client: Client, path: string) {
	await client.get(path); // warm
	const ticks = treeTicks(server.process.pid!);
	const until = Date.now() + THROUGHPUT_MS;
	let done = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: READERS }, async () => {
			while (Date.now() < until) {
				const res = await client.get(path);
				if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 200)}`);
				done++;
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	const cpuMs = (treeTicks(server.process.pid!) - ticks) * TICK_MS;
	return { perSecond: done / seconds, cpuMsPerRequest: cpuMs / done, requests: done };
}

/** One follower's event stream, read as text; `onEvent` gets each event's name. */
interface Follower {
	/** Resolves when the follower next has the new view, with when. */
	next(): Promise<number>;
	ready: Promise<void>;
	close(): void;
}

function follow(
	url: string,
	cookie: string,
	mode: 'snapshot' | 'reload',
	reload: () => Promise<unknown>
): Follower {
	const stop = new AbortController();
	let waiting = null as ((at: number) => void) | null;
	let readyResolve!: () => void;
	const ready = new Promise<void>((ok) => (readyResolve = ok));
	const arrived = (at: number) => {
		const w = waiting;
		waiting = null;
		w?.(at);
	};
	void (async () => {
		const response = await fetch(url, {
			signal: stop.signal,
			headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) }
		});
		if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
		if (mode === 'reload') readyResolve();
		const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return;
			buffer += value;
			let end: number;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const event = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const name = /^event: (\w+)/m.exec(event)?.[1];
				if (mode === 'snapshot' && name === 'snapshot') {
					readyResolve();
					arrived(performance.now());
				}
				const w = waiting;
				if (mode === 'reload' && name === 'change' && w) {
					waiting = null;
					setTimeout(() => void reload().then(() => w(performance.now())), OLD_COALESCE_MS);
				}
			}
		}
	})().catch((error) => {
		if (!stop.signal.aborted && !stopping) console.error(`follower: ${error}`);
	});
	return {
		ready,
		next: () => new Promise<number>((ok) => (waiting = ok)),
		close: () => stop.abort()
	};
}

interface FollowRun {
	followers: number;
	audience: 'members' | 'gallery';
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
	serverCpuMsPerChange: number;
}

async function followers(
	server: TestServer,
	clients: Client[],
	chair: Client,
	meeting: Meeting,
	count: number,
	audience: 'members' | 'gallery',
	mode: 'snapshot' | 'reload'
): Promise<FollowRun> {
	const livePath = `/p/${SLUG}/meetings/${meeting.id}/live`;
	const stream =
		audience === 'gallery'
			? `/public/${SLUG}/meetings/${meeting.id}/live/events`
			: mode === 'snapshot'
				? `${livePath}/events`
				: `/api/v1/meetings/${meeting.id}/events`;
	const open: Follower[] = [];
	for (let i = 0; i < count; i++) {
		const client = audience === 'gallery' ? new Client(server.url) : clients[i % clients.length];
		const data =
			audience === 'gallery'
				? `/public/${SLUG}/meetings/${meeting.id}/live/__data.json`
				: `${livePath}/__data.json`;
		open.push(
			follow(server.url + stream, client.cookie, mode, () =>
				fetch(server.url + data, { headers: client.cookie ? { cookie: client.cookie } : {} }).then(
					(r) => r.text()
				)
			)
		);
	}
	await Promise.all(open.map((f) => f.ready));
	const latencies: number[] = [];
	let ticks = 0;
	for (let round = 0; round < ROUNDS; round++) {
		const arrivals = open.map((f) => f.next());
		const before = treeTicks(server.process.pid!);
		const sent = performance.now();
		const res = await chair.post(`/api/v1/meetings/${meeting.id}/current-item`, {
			agendaItemId: meeting.items[round % 2]
		});
		if (res.status >= 300) throw new Error(`command: ${res.status} ${res.text}`);
		for (const at of await Promise.all(arrivals)) latencies.push(at - sent);
		ticks += treeTicks(server.process.pid!) - before;
	}
	for (const f of open) f.close();
	return {
		followers: count,
		audience,
		p50Ms: percentile(latencies, 50),
		p95Ms: percentile(latencies, 95),
		maxMs: Math.max(...latencies),
		serverCpuMsPerChange: (ticks * TICK_MS) / ROUNDS
	};
}

async function main() {
	if (!entry) ensureBuilt();
	await prepareTestDatabase();
	const server = await startServer({
		demo: true,
		entry,
		// Hundreds of streams share nine demo people here, far over a real person's cap.
		env: { EVENT_STREAMS_PER_PERSON: '100000', GALLERY_FOLLOWERS: '100000' }
	});
	try {
		const chair = await signedIn(server.url, 'chair@demo.example');
		const clients = await Promise.all(DEMO_EMAILS.map((email) => signedIn(server.url, email)));
		const meeting = await liveMeeting(chair);
		const probe = await fetch(`${server.url}/p/${SLUG}/meetings/${meeting.id}/live/events`, {
			headers: { cookie: chair.cookie }
		});
		const mode = probe.status === 200 ? 'snapshot' : 'reload';
		await probe.body?.cancel();
		log(`\nLive meeting benchmark (${mode === 'snapshot' ? 'this build' : `build ${entry}`})`);
		log(JSON.stringify(describeMachine()));
		const json = await throughput(server, chair, `/api/v1/meetings/${meeting.id}`);
		const data = await throughput(
			server,
			chair,
			`/p/${SLUG}/meetings/${meeting.id}/live/__data.json`
		);
		const share = data.perSecond / json.perSecond;
		log(`\nThroughput, ${READERS} concurrent readers, ${THROUGHPUT_MS / 1000} s each`);
		log(
			`  meeting JSON        ${json.perSecond.toFixed(0).padStart(6)} req/s  ${json.cpuMsPerRequest.toFixed(1)} ms CPU each`
		);
		log(
			`  live page's data    ${data.perSecond.toFixed(0).padStart(6)} req/s  ${data.cpuMsPerRequest.toFixed(1)} ms CPU each`
		);
		log(
			`  ratio               ${share.toFixed(2)} (target ≥ ${TARGETS.dataShareOfJson}): ${share >= TARGETS.dataShareOfJson ? 'PASS' : 'FAIL'}`
		);
		const runs: FollowRun[] = [];
		for (const count of FOLLOWERS)
			runs.push(await followers(server, clients, chair, meeting, count, 'members', mode));
		const galleryOpen = await fetch(`${server.url}/public/${SLUG}/meetings/${meeting.id}/live`);
		await galleryOpen.body?.cancel();
		if (galleryOpen.status === 200)
			runs.push(await followers(server, clients, chair, meeting, GALLERY, 'gallery', mode));
		else log(`\n(no public gallery on this build: ${galleryOpen.status})`);
		log(`\nFrom sending a command to each follower having the change, ${ROUNDS} changes`);
		log('  followers            p50 ms   p95 ms   max ms   app CPU ms per change   target');
		for (const r of runs) {
			const target =
				r.followers >= 200 ? (r.p95Ms < TARGETS.p95Ms ? 'PASS' : 'FAIL') + ' (p95 < 1 s)' : '';
			log(
				`  ${`${r.followers} ${r.audience}`.padEnd(18)} ${r.p50Ms.toFixed(0).padStart(8)} ${r.p95Ms
					.toFixed(0)
					.padStart(8)} ${r.maxMs.toFixed(0).padStart(8)} ${r.serverCpuMsPerChange
					.toFixed(0)
					.padStart(26)}   ${target}`
			);
		}
		if (!quick) {
			const date = new Date().toISOString().slice(0, 10);
			mkdirSync('bench/results', { recursive: true });
			const file = `bench/results/live-${date}${mode === 'reload' ? '-before' : ''}.json`;
			writeFileSync(
				file,
				JSON.stringify(
					{ machine: describeMachine(), mode, entry: entry ?? 'build/start.js', json, data, runs },
					null,
					'\t'
				) + '\n'
			);
			log(`\nWrote ${file}`);
		}
	} finally {
		stopping = true;
		await server.stop();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);

// Random, truncated and mutated frames (oversized varint lengths among them) from signed-in raw sockets,
// while two stock clients keep a canary document in sync: the server must never exit, and the canary's
// latency must stay bounded. Seeded, so a failure reproduces: SYNC_FUZZ_SEED=<seed>.
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { makeMeeting, makePartnership } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { mulberry32 } from '../support/random.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { connect, rawSocket, waitFor } from '../support/sync.ts';

const FRAMES = 10_000;
const SOCKETS = 6;
const SEED = Number(process.env.SYNC_FUZZ_SEED ?? 7_1124);
const CANARY_EVERY_MS = 25;
const P99_BOUND_MS = 500;

let server: TestServer;
let cookie: string;
let meetingId: string;
beforeAll(async () => {
	server = await startServer();
	const fx = await makePartnership(server.db, 'fuzz');
	meetingId = (await makeMeeting(server.db, fx)).id;
	cookie = (await signedIn(server.url, fx.members.SECRETARIAT.email)).cookie;
});
afterAll(() => server?.stop());

function message(write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
}

/** Well-formed frames of every kind, the material that is cut and mutated. */
function validFrames(random: () => number): Uint8Array[] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	for (let i = 0; i < 20; i++) {
		doc.getText('t').insert(0, `fuzz ${i} ${random()}`);
		doc.getMap('m').set(`k${i}`, { n: i, s: 'x'.repeat(i) });
		doc.getArray('a').push([i, `v${i}`]);
	}
	doc.getText('t').delete(0, 5);
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalState({ user: { name: 'fuzz', colour: '#123456' } });
	const presence = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
	awareness.destroy();
	const sync = (step: number, payload: Uint8Array) =>
		message((e) => {
			encoding.writeVarUint(e, 0);
			encoding.writeVarUint(e, step);
			encoding.writeVarUint8Array(e, payload);
		});
	return [
		sync(0, Y.encodeStateVector(doc)),
		sync(1, Y.encodeStateAsUpdate(doc)),
		...updates.slice(0, 10).map((u) => sync(2, u)),
		message((e) => {
			encoding.writeVarUint(e, 1);
			encoding.writeVarUint8Array(e, presence);
		}),
		new Uint8Array([3])
	];
}

function hugeVarint(random: () => number): number[] {
	const choices = [
		[0xff, 0xff, 0xff, 0xff, 0x0f],
		[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]
	];
	return random() < 0.3
		? Array.from({ length: 10 + Math.floor(random() * 10) }, () => 0xff)
		: choices[Math.floor(random() * choices.length)];
}

type FrameKind = 'random' | 'truncated' | 'mutated' | 'varint' | 'valid' | 'text';

function fuzzFrame(random: () => number, valid: Uint8Array[]): [FrameKind, Uint8Array | string] {
	const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
	const r = random();
	if (r < 0.2)
		return ['random', Uint8Array.from({ length: Math.floor(random() * 80) }, () => random() * 256)];
	if (r < 0.4) {
		const base = pick(valid);
		return ['truncated', base.slice(0, Math.floor(random() * base.length))];
	}
	if (r < 0.7) {
		const copy = pick(valid).slice();
		for (let i = 0, n = 1 + Math.floor(random() * 4); i < n; i++)
			copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
		return ['mutated', copy];
	}
	if (r < 0.85) {
		const heads = [[0, 0], [0, 1], [0, 2], [1], [0, 2, 10, 1], [1, 20, 1]];
		const tail = Array.from({ length: Math.floor(random() * 16) }, () => random() * 256);
		return ['varint', Uint8Array.from([...pick(heads), ...hugeVarint(random), ...tail])];
	}
	if (r < 0.97) return ['valid', pick(valid)];
	return ['text', 'not a frame'];
}

it(
	`survives ${FRAMES} bad frames while a canary document keeps syncing`,
	{ timeout: 120_000 },
	async () => {
		const random = mulberry32(SEED);
		const valid = validFrames(random);
		const canary = `meeting:${meetingId}:minutes`;
		const a = connect(server.url, canary, cookie);
		const b = connect(server.url, canary, cookie);
		await Promise.all([a.synced, b.synced]);
		const latencies: number[] = [];
		b.doc.getMap<number>('sent').observe((event) => {
			if (event.transaction.origin !== b.provider) return;
			for (const key of event.keysChanged)
				latencies.push(Date.now() - b.doc.getMap<number>('sent').get(key)!);
		});
		let pings = 0;
		const pinger = setInterval(
			() => a.doc.getMap('sent').set(`p${pings++}`, Date.now()),
			CANARY_EVERY_MS
		);

		const counts: Record<string, number> = {};
		const closes: Record<string, number> = {};
		let sent = 0;
		let connections = 0;
		const fuzzDocs = ['agenda', 'evidence', 'decisions'].map((k) => `meeting:${meetingId}:${k}`);
		const fuzzer = async () => {
			while (sent < FRAMES) {
				const ws: WebSocket = await rawSocket(server.url, fuzzDocs[connections++ % 3], cookie);
				ws.on('close', (code) => (closes[code] = (closes[code] ?? 0) + 1));
				while (ws.readyState === ws.OPEN && sent < FRAMES) {
					const [kind, frame] = fuzzFrame(random, valid);
					ws.send(frame);
					sent++;
					counts[kind] = (counts[kind] ?? 0) + 1;
					await new Promise((r) => setTimeout(r, 1));
				}
				ws.terminate();
			}
		};
		const started = Date.now();
		await Promise.all(Array.from({ length: SOCKETS }, fuzzer));
		const fuzzMs = Date.now() - started;
		clearInterval(pinger);
		await waitFor(() => b.doc.getMap('sent').size === pings, 'the last canary pings');
		a.destroy();
		b.destroy();

		latencies.sort((x, y) => x - y);
		const at = (q: number) =>
			latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
		console.log(
			`sync fuzz (seed ${SEED}): ${sent} frames in ${fuzzMs} ms over ${connections} connections ` +
				`${JSON.stringify(counts)}; closes ${JSON.stringify(closes)}; canary ${latencies.length} ` +
				`pings, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${latencies.at(-1)} ms`
		);
		expect(server.process.exitCode).toBeNull();
		expect(sent).toBeGreaterThanOrEqual(FRAMES);
		expect(latencies.length).toBe(pings);
		expect(at(0.99)).toBeLessThan(P99_BOUND_MS);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	}
);

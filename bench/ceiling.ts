// The ceiling of stored updates per second: twenty writers (twenty people) on one document, on one
// instance or split across two, the total rate stepped up until the server no longer keeps up. Every
// update is stored before anyone is sent it, so an update reaching another client is an update stored:
// an observer client on each instance times writer → observer, and the database's update sequence counts
// what was stored. A step passes if its p99 stays within CEILING_P99_MS and it achieves nearly its rate;
// the ceiling is the highest step that passes. The load generator is this process, on the same cores as
// the servers and PostgreSQL, so each step also says how busy this process and the machine were.
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import type * as Y from 'yjs';
import { databaseOf } from '../tests/support/database.ts';
import {
	closeClients,
	connectClients,
	openBareWriter,
	type BareWriter,
	type BenchClient
} from './clients.ts';
import { ENTRIES, percentile, writeSteadily, type Entry } from './latency.ts';
import { settle, watchCpu, type Watched } from './proc-stats.ts';
import {
	CEILING_MIN_SHARE,
	CEILING_P99_MS,
	type CeilingResult,
	type CeilingStep
} from './report.ts';
import type { BenchServer } from './servers.ts';

/** After the last write, how long late updates may still arrive before they count as lost. */
const DRAIN_TIMEOUT_MS = 15_000;
/** Past this the server is saturated: higher steps would only queue more, so the ramp stops. */
const SATURATED_SHARE = 0.8;
const SATURATED_P99_MS = 1_000;
/**
 * This process, not the server, sets the pace when it is near one core busy (it is single-threaded), when
 * its timers run late (its event loop is what times arrivals), or when it cannot send at the rate.
 */
const BENCH_BUSY_PERCENT = 90;
const BENCH_LOOP_DELAY_MS = 50;
const BENCH_WRITE_LAG_MS = 100;
/** Others on the machine (in % of one core) over which a failed step is run once more. */
const CONTENDED_PERCENT = 25;
/** How often the bench's event loop is sampled for delay. */
const LOOP_SAMPLE_MS = 10;
/** Every core busy: the servers, PostgreSQL and the bench are taking turns on the machine. */
const MACHINE_BUSY_PERCENT = 95;

export interface CeilingPlan {
	label: string;
	/** Writer i goes to servers[i % servers.length]; one observer on each server. */
	servers: BenchServer[];
	/** Names for the servers in the figures (e.g. 'ours', or 'A' and 'B'). */
	serverNames: string[];
	docName: string;
	/** One session per writer: each writer is a different person, as in a meeting. */
	writerCookies: string[];
	observerCookie: string;
	rates: number[];
	secondsPerStep: number;
	/** The data folder whose database the servers share (to read the update sequence). */
	dataDir: string;
	postgresPid?: number;
	redisPid?: number;
	log: (line: string) => void;
}

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** How often the bench times a durable commit of its own during a step. */
const PROBE_EVERY_MS = 100;

/**
 * The next transaction id PostgreSQL will hand out. Every transaction that writes takes one, at once, so
 * the difference across a step counts the step's write transactions exactly (the statistics views lag by
 * up to seconds).
 */
async function nextXid(client: pg.Client): Promise<number> {
	const { rows } = await client.query<{ xmax: string }>(
		'SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax'
	);
	return Number(rows[0].xmax);
}

/**
 * Times a durable commit of the bench's own every PROBE_EVERY_MS (one round trip: a transaction that
 * takes an id, so its commit is flushed to disk like the store's): what a commit costs at that moment,
 * disk and CPU contention included. Gives what stops it and returns the times.
 */
function probeCommits(client: pg.Client): () => Promise<number[]> {
	const times: number[] = [];
	let running = true;
	const loop = (async () => {
		while (running) {
			const started = performance.now();
			await client.query('BEGIN; SELECT txid_current(); COMMIT');
			times.push(performance.now() - started);
			await pause(PROBE_EVERY_MS);
		}
	})();
	return async () => {
		running = false;
		await loop;
		return times;
	};
}

/** The last number the update log handed out, across every document and instance. */
async function lastStoredSeq(client: pg.Client): Promise<number> {
	// Before its first nextval a sequence shows its start value with is_called false: none handed out.
	const { rows } = await client.query<{ last_value: string }>(
		'SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS last_value ' +
			'FROM "DocUpdate_seq_seq"'
	);
	return Number(rows[0].last_value);
}

interface Setup {
	writers: BareWriter[];
	observers: BenchClient[];
	processes: Record<string, Watched>;
	serverPids: number[];
	postgresPid: number | undefined;
	database: pg.Client;
	/** Entry ids already used on the document: each step's start where the last one's ended. */
	nextId: number;
}

async function runStep(setup: Setup, rate: number, seconds: number): Promise<CeilingStep> {
	const count = Math.round(rate * seconds);
	const firstId = setup.nextId;
	const endId = firstId + count;
	setup.nextId = endId;
	const latencies: number[] = [];
	const seen = setup.observers.map(() => 0);
	const expected = count * setup.observers.length;
	let lastArrival = 0;
	let arrivedAll: () => void = () => {};
	const allArrived = new Promise<void>((ok) => (arrivedAll = ok));
	const stopObserving = setup.observers.map(({ doc }, i) => {
		const entries = doc.getArray<Entry>(ENTRIES);
		const observer = (event: Y.YArrayEvent<Entry>) => {
			const now = performance.now();
			for (const change of event.changes.delta) {
				for (const [id, sentAt] of (change.insert as Entry[] | undefined) ?? []) {
					if (id < firstId || id >= endId) continue;
					latencies.push(now - sentAt);
					seen[i]++;
					lastArrival = now;
					if (latencies.length === expected) arrivedAll();
				}
			}
		};
		entries.observe(observer);
		return () => entries.unobserve(observer);
	});

	const storedBefore = await lastStoredSeq(setup.database);
	const xidBefore = await nextXid(setup.database);
	const stopProbe = probeCommits(setup.database);
	const stopCpu = watchCpu(setup.processes);
	const loop = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
	loop.enable();
	const startedAt = performance.now();
	await writeSteadily(count, rate, (k) => {
		const writer = setup.writers[k % setup.writers.length];
		writer.doc.getArray<Entry>(ENTRIES).push([[firstId + k, performance.now()]]);
	});
	// writeSteadily returns in the turn that made the last write, due at (count - 1) / rate.
	const writeLagMs = performance.now() - (startedAt + ((count - 1) * 1000) / rate);
	let drainTimer: NodeJS.Timeout | undefined;
	await Promise.race([
		allArrived,
		new Promise<void>((ok) => (drainTimer = setTimeout(ok, DRAIN_TIMEOUT_MS)))
	]);
	clearTimeout(drainTimer);
	loop.disable();
	const cpu = stopCpu();
	for (const stop of stopObserving) stop();
	const probes = (await stopProbe()).sort((a, b) => a - b);
	// What the step left behind (compaction, the projection) is not charged to the next one; its
	// transactions are the step's.
	for (const pid of setup.serverPids) await settle(pid, 250, 5_000);
	if (setup.postgresPid) await settle(setup.postgresPid, 250, 5_000, { children: true });
	const transactions = (await nextXid(setup.database)) - xidBefore - probes.length;
	const stored = (await lastStoredSeq(setup.database)) - storedBefore;

	const delivered = Math.min(...seen);
	const spanSeconds = ((lastArrival || performance.now()) - startedAt) / 1000;
	const achievedRate = Math.min(stored, delivered) / spanSeconds;
	const sorted = latencies.sort((a, b) => a - b);
	const p99 = percentile(sorted, 99);
	const lost = expected - latencies.length;
	const benchCpu = cpu.percent.bench;
	// The histogram holds whole intervals between samples: the delay is what exceeds the interval.
	const loopDelayP99Ms = Math.max(0, loop.percentile(99) / 1e6 - LOOP_SAMPLE_MS);
	const dropped = setup.writers.filter((w) => w.closed).map((w) => w.closed!);
	return {
		targetRate: rate,
		seconds,
		sent: count,
		stored,
		delivered,
		achievedRate,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99,
		max: sorted.at(-1) ?? NaN,
		lost,
		cpuPercent: cpu.percent,
		othersCpuPercent: cpu.othersPercent,
		machineBusyPercent: cpu.machineBusyPercent,
		transactions,
		probeCommitMs: { p50: percentile(probes, 50), p95: percentile(probes, 95) },
		benchLoopDelayP99Ms: loopDelayP99Ms,
		writeLagMs,
		loadAverage: loadavg()[0],
		writersDropped: dropped,
		benchLimited:
			benchCpu >= BENCH_BUSY_PERCENT ||
			loopDelayP99Ms >= BENCH_LOOP_DELAY_MS ||
			writeLagMs >= BENCH_WRITE_LAG_MS,
		machineSaturated: cpu.machineBusyPercent >= MACHINE_BUSY_PERCENT,
		pass:
			lost === 0 &&
			dropped.length === 0 &&
			p99 <= CEILING_P99_MS &&
			achievedRate >= CEILING_MIN_SHARE * rate
	};
}

const fixed = (value: number, digits = 0) => (Number.isNaN(value) ? '–' : value.toFixed(digits));

export function describeStep(step: CeilingStep): string {
	const cpu = Object.entries(step.cpuPercent)
		.map(([name, percent]) => `${name} ${fixed(percent)}%`)
		.join(', ');
	return (
		`${String(step.targetRate).padStart(5)}/s: achieved ${fixed(step.achievedRate)}/s, ` +
		`stored ${step.stored}/${step.sent}, p50 ${fixed(step.p50, 1)} p95 ${fixed(step.p95, 1)} ` +
		`p99 ${fixed(step.p99, 1)} ms${step.lost ? `, ${step.lost} lost` : ''}; ` +
		`${step.transactions} write transactions (${fixed(step.stored / step.transactions, 1)} updates ` +
		`each), a probe commit p50 ${fixed(step.probeCommitMs.p50, 2)} ms; CPU ${cpu}, ` +
		`others ${fixed(step.othersCpuPercent)}%, ` +
		`machine ${fixed(step.machineBusyPercent)}% busy; bench loop delay p99 ` +
		`${fixed(step.benchLoopDelayP99Ms, 1)} ms, write lag ${fixed(step.writeLagMs, 1)} ms` +
		(step.writersDropped.length ? `; writers dropped: ${step.writersDropped.join(', ')}` : '') +
		`: ${step.pass ? 'PASS' : 'FAIL'}` +
		(step.benchLimited ? ' (bench-limited)' : '') +
		(step.machineSaturated ? ' (machine saturated)' : '')
	);
}

/** What set the limit, from the first step that failed: the evidence, then which side it points to. */
function limitOf(steps: CeilingStep[]): string | null {
	const failed = steps.find((step) => !step.pass);
	if (!failed) return null;
	const why = [
		failed.p99 > CEILING_P99_MS ? `p99 ${fixed(failed.p99, 1)} ms > ${CEILING_P99_MS} ms` : '',
		failed.achievedRate < CEILING_MIN_SHARE * failed.targetRate
			? `achieved ${fixed(failed.achievedRate)}/s < ${CEILING_MIN_SHARE * 100}% of ${failed.targetRate}/s`
			: '',
		failed.lost ? `${failed.lost} lost` : '',
		failed.writersDropped.length ? `writers dropped` : ''
	].filter(Boolean);
	const cpu = Object.entries(failed.cpuPercent)
		.map(([name, percent]) => `${name} ${fixed(percent)}%`)
		.join(', ');
	const busiest = Math.max(
		...Object.entries(failed.cpuPercent)
			.filter(([name]) => name !== 'bench')
			.map(([, percent]) => percent)
	);
	const by = failed.benchLimited
		? 'the bench process (the load generator) was at its own limit'
		: failed.machineSaturated
			? 'every core was busy, so the servers, PostgreSQL and the bench were waiting for CPU'
			: busiest >= BENCH_BUSY_PERCENT
				? 'a server process was at one core'
				: failed.stored / failed.transactions < 2
					? 'no process was at one core and not every core was busy: the store was waiting on its transactions, one at a time'
					: 'no single process was at one core, the writes were batched, and most of the two cores were busy: the servers, PostgreSQL and the bench shared them';
	return (
		`first failing step ${failed.targetRate}/s: ${why.join(', ')}; CPU ${cpu}, others ` +
		`${fixed(failed.othersCpuPercent)}%, machine ${fixed(failed.machineBusyPercent)}% busy; ` +
		`${fixed(failed.stored / failed.transactions, 1)} updates per write transaction, a probe ` +
		`commit p50 ${fixed(failed.probeCommitMs.p50, 2)} ms; ${by}`
	);
}

export async function measureCeiling(plan: CeilingPlan): Promise<CeilingResult> {
	const { log, servers } = plan;
	const database = new pg.Client({ connectionString: databaseOf(plan.dataDir) });
	await database.connect();
	const writers: BareWriter[] = [];
	const observers: BenchClient[] = [];
	try {
		for (const server of servers)
			observers.push(...(await connectClients(server, plan.docName, 1, [plan.observerCookie])));
		writers.push(
			...(await Promise.all(
				plan.writerCookies.map((cookie, i) =>
					openBareWriter(servers[i % servers.length], plan.docName, cookie)
				)
			))
		);
		const pgPid = plan.postgresPid;
		const processes: Record<string, Watched> = Object.fromEntries(
			servers.map((server, i) => [plan.serverNames[i], { pid: server.pid }])
		);
		if (pgPid) processes.PostgreSQL = { pid: pgPid, children: true };
		if (plan.redisPid) processes.Redis = { pid: plan.redisPid };
		processes.bench = { pid: process.pid };
		const setup: Setup = {
			writers,
			observers,
			processes,
			serverPids: servers.map((server) => server.pid),
			postgresPid: pgPid,
			database,
			nextId: 0
		};
		const steps: CeilingStep[] = [];
		let stoppedEarly: string | null = null;
		for (const rate of plan.rates) {
			let step = await runStep(setup, rate, plan.secondsPerStep);
			log(`  ${describeStep(step)}`);
			if (!step.pass && step.othersCpuPercent >= CONTENDED_PERCENT) {
				// Something else on the machine (another test run) took a share of a core meanwhile: the
				// step runs once more and both are kept, the second counting.
				steps.push({ ...step, rerun: true });
				log(
					`  others used ${fixed(step.othersCpuPercent)}% of a core meanwhile: ${rate}/s once more`
				);
				step = await runStep(setup, rate, plan.secondsPerStep);
				log(`  ${describeStep(step)}`);
			}
			steps.push(step);
			const saturated =
				step.lost > 0 ||
				step.writersDropped.length > 0 ||
				step.p99 > SATURATED_P99_MS ||
				step.achievedRate < SATURATED_SHARE * rate;
			if (saturated && rate !== plan.rates.at(-1)) {
				stoppedEarly = `stopped after ${rate}/s: saturated (higher steps would only queue more)`;
				log(`  ${stoppedEarly}`);
				break;
			}
		}
		const counted = steps.filter((step) => !step.rerun);
		const passed = counted.filter((step) => step.pass);
		const ceiling = passed.length ? Math.max(...passed.map((step) => step.targetRate)) : null;
		return {
			label: plan.label,
			instances: servers.length,
			writers: writers.length,
			observers: observers.length,
			secondsPerStep: plan.secondsPerStep,
			rates: plan.rates,
			steps,
			ceiling,
			limit: limitOf(counted),
			stoppedEarly,
			benchLimitedSteps: counted.filter((s) => s.benchLimited).map((s) => s.targetRate)
		};
	} finally {
		for (const writer of writers) writer.close();
		closeClients(observers);
		await database.end();
	}
}

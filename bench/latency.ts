// Edit-to-peer latency: one client appends `[id, sentAtMs]` to a Y.Array at a steady rate, every other
// client notes when each entry arrives. Writer and readers share this process's clock (performance.now()).
import { loadavg } from 'node:os';
import * as Y from 'yjs';
import type { BenchClient } from './clients.ts';
import { watchProcess, type ProcessFigures } from './proc-stats.ts';

export const ENTRIES = 'bench';

/** After the last write, how long late entries may still arrive before they count as lost. */
const DRAIN_TIMEOUT_MS = 10_000;

/** One measured stretch: the raw arrival latencies and the server's figures over it. */
export interface LoadRun extends ProcessFigures {
	clients: number;
	ratePerSecond: number;
	seconds: number;
	updates: number;
	latencies: number[];
	/** The same latencies per reader, in the order the readers were given (to tell groups of them apart). */
	byReader: number[][];
	lost: number;
	/** This process's own CPU share meanwhile: near 100%, the clients rather than the server set the pace. */
	clientCpuPercent: number;
	/** The machine's 1-minute load average when the step ended. */
	loadAverage: number;
}

/** Runs of one step pooled: percentiles over every (peer, update) pair of every run. */
export interface LoadFigures extends ProcessFigures {
	clients: number;
	ratePerSecond: number;
	/** Seconds of writing, over all runs. */
	seconds: number;
	runs: number;
	updates: number;
	clientCpuPercent: number;
	/** The highest 1-minute load average seen at the end of a run. */
	loadAverage: number;
	/** Each run alone, to tell a stall in one round from a slow server. */
	perRun: { p50: number; p95: number; max: number; loadAverage: number }[];
	/** (peer, update) pairs measured. */
	samples: number;
	/** (peer, update) pairs that never arrived. */
	lost: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

export type Entry = [id: number, sentAtMs: number];

export function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}

/** Calls `write(k)` for k = 0 … count-1 at `start + k/rate`, catching up rather than drifting. */
export function writeSteadily(count: number, ratePerSecond: number, write: (k: number) => void) {
	return new Promise<void>((ok) => {
		const start = performance.now();
		let k = 0;
		const tick = () => {
			while (k < count && performance.now() >= start + (k * 1000) / ratePerSecond) write(k++);
			if (k >= count) return ok();
			setTimeout(tick, Math.max(0, start + (k * 1000) / ratePerSecond - performance.now()));
		};
		tick();
	});
}

/**
 * Runs one load step on connected clients (the first one writes) while watching the server process.
 * Entries written by an earlier step on the same document are ignored by their id.
 */
export async function measureLoad(
	clients: BenchClient[],
	serverPid: number,
	ratePerSecond: number,
	seconds: number
): Promise<LoadRun> {
	const [writer, ...readers] = clients;
	const updates = Math.round(ratePerSecond * seconds);
	const firstId = writer.doc.getArray<Entry>(ENTRIES).length;
	const latencies: number[] = [];
	const byReader: number[][] = readers.map(() => []);
	const expected = updates * readers.length;
	let arrivedAll: () => void = () => {};
	const allArrived = new Promise<void>((ok) => (arrivedAll = ok));
	if (expected === 0) arrivedAll();

	const observers = readers.map(({ doc }, i) => {
		const entries = doc.getArray<Entry>(ENTRIES);
		const observer = (event: Y.YArrayEvent<Entry>) => {
			const now = performance.now();
			for (const change of event.changes.delta) {
				for (const [id, sentAt] of (change.insert as Entry[] | undefined) ?? []) {
					if (id < firstId) continue;
					latencies.push(now - sentAt);
					byReader[i].push(now - sentAt);
					if (latencies.length === expected) arrivedAll();
				}
			}
		};
		entries.observe(observer);
		return () => entries.unobserve(observer);
	});

	const stopWatching = watchProcess(serverPid);
	const clientCpu = process.cpuUsage();
	const startedAt = performance.now();
	const entries = writer.doc.getArray<Entry>(ENTRIES);
	await writeSteadily(updates, ratePerSecond, (k) =>
		entries.push([[firstId + k, performance.now()]])
	);
	let drainTimer: NodeJS.Timeout | undefined;
	await Promise.race([
		allArrived,
		new Promise<void>((ok) => (drainTimer = setTimeout(ok, DRAIN_TIMEOUT_MS)))
	]);
	clearTimeout(drainTimer);
	const server = stopWatching();
	const { user, system } = process.cpuUsage(clientCpu);
	const clientCpuPercent = (user + system) / 10 / (performance.now() - startedAt);
	for (const stop of observers) stop();

	return {
		clients: clients.length,
		ratePerSecond,
		seconds,
		updates,
		latencies,
		byReader,
		lost: expected - latencies.length,
		clientCpuPercent,
		loadAverage: loadavg()[0],
		...server
	};
}

/** CPU is averaged over the runs' time, memory is the highest peak. */
export function pool(runs: LoadRun[]): LoadFigures {
	const sorted = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
	const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
	return {
		clients: runs[0].clients,
		ratePerSecond: runs[0].ratePerSecond,
		seconds,
		runs: runs.length,
		updates: runs.reduce((sum, run) => sum + run.updates, 0),
		samples: sorted.length,
		lost: runs.reduce((sum, run) => sum + run.lost, 0),
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.at(-1) ?? NaN,
		cpuPercent: runs.reduce((sum, run) => sum + run.cpuPercent * run.seconds, 0) / seconds,
		clientCpuPercent:
			runs.reduce((sum, run) => sum + run.clientCpuPercent * run.seconds, 0) / seconds,
		peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
		loadAverage: Math.max(...runs.map((run) => run.loadAverage)),
		perRun: runs.map((run) => {
			const alone = [...run.latencies].sort((a, b) => a - b);
			return {
				p50: percentile(alone, 50),
				p95: percentile(alone, 95),
				max: alone.at(-1) ?? NaN,
				loadAverage: run.loadAverage
			};
		})
	};
}

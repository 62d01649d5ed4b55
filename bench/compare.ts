// One scenario on both servers: the same clients, rates and durations, in rounds that alternate which
// server goes first, so that a burst of load from elsewhere on the machine is shared out rather than
// landing on one server. Each round uses a document of its own.
import { closeClients, connectClients } from './clients.ts';
import { measureLoad, pool, type LoadFigures, type LoadRun } from './latency.ts';
import type { ScenarioResult } from './report.ts';
import type { BenchServer } from './servers.ts';

export interface Target {
	server: BenchServer;
	/** Session cookies the clients use in turn; none for the reference. */
	cookies: string[];
}

export type Which = 'reference' | 'ours';

export interface Scenario {
	/** One name per rate. */
	names: string[];
	clients: number;
	rates: number[];
	secondsPerRate: number;
	rounds: number;
	/** Gives a document nobody has used yet. */
	nextDoc: () => string;
	/** Whether the first round starts with our server. */
	oursFirst: boolean;
}

/** Lets a server settle (sockets closed, documents unloaded) between steps. */
const PAUSE_MS = 500;

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Connects the clients once and runs each rate in turn on them. */
async function runSteps(target: Target, docName: string, s: Scenario): Promise<LoadRun[]> {
	const connected = await connectClients(target.server, docName, s.clients, target.cookies);
	try {
		const runs: LoadRun[] = [];
		for (const rate of s.rates) {
			runs.push(await measureLoad(connected, target.server.pid, rate, s.secondsPerRate));
			await pause(PAUSE_MS);
		}
		return runs;
	} finally {
		closeClients(connected);
		await pause(PAUSE_MS);
	}
}

export function describe(f: LoadFigures): string {
	return (
		`p50 ${f.p50.toFixed(1)} p95 ${f.p95.toFixed(1)} p99 ${f.p99.toFixed(1)} ms, ` +
		`CPU ${f.cpuPercent.toFixed(0)}%, RSS ${f.peakRssMb.toFixed(0)} MB ` +
		`(bench CPU ${f.clientCpuPercent.toFixed(0)}%, load ${f.loadAverage.toFixed(1)})` +
		(f.lost ? `, ${f.lost} lost` : '')
	);
}

export async function compare(
	targets: Record<Which, Target | null>,
	scenario: Scenario,
	log: (line: string) => void
): Promise<ScenarioResult[]> {
	const runs: Record<Which, LoadRun[][]> = {
		reference: scenario.rates.map(() => []),
		ours: scenario.rates.map(() => [])
	};
	for (let round = 0; round < scenario.rounds; round++) {
		const oursFirst = scenario.oursFirst !== (round % 2 === 1);
		const order: Which[] = oursFirst ? ['ours', 'reference'] : ['reference', 'ours'];
		const docName = scenario.nextDoc();
		for (const which of order) {
			const target = targets[which];
			if (!target) continue;
			const steps = await runSteps(target, docName, scenario);
			steps.forEach((run, i) => runs[which][i].push(run));
		}
	}
	return scenario.names.map((name, i) => {
		const figures = (which: Which) => (runs[which][i].length ? pool(runs[which][i]) : null);
		const reference = figures('reference');
		const ours = figures('ours');
		for (const [which, f] of [
			['reference', reference],
			['ours', ours]
		] as const) {
			if (f) log(`  ${name.padEnd(20)} ${which.padEnd(9)} ${describe(f)}`);
		}
		return { name, reference, ours, p95Ratio: reference && ours ? ours.p95 / reference.p95 : null };
	});
}

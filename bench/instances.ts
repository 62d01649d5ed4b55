// Two instances of ours on one PostgreSQL database and one Redis, as a deployment behind one address
// runs them: the writer on instance A, readers split between A and B. A's readers are sent an update once
// A has stored it; B's once A has published it to Redis and B has applied it. The update rate and the
// measurement are the 100-client scenario's (latency.ts), so the figures stand next to the reference's
// 100-client ones from the same run.
import { closeClients, connectClients, type BenchClient } from './clients.ts';
import { measureLoad, percentile, pool, type LoadRun } from './latency.ts';
import { watchCpu, watchProcess, type ProcessFigures, type Watched } from './proc-stats.ts';
import type { Percentiles, TwoInstanceResult } from './report.ts';
import type { BenchServer } from './servers.ts';

export interface TwoInstancePlan {
	a: BenchServer;
	b: BenchServer;
	cookies: string[];
	readersPerInstance: number;
	ratePerSecond: number;
	seconds: number;
	rounds: number;
	nextDoc: () => string;
	postgresPid?: number;
	redisPid?: number;
	log: (line: string) => void;
}

/** Lets the servers settle (sockets closed) between rounds, as compare.ts does. */
const PAUSE_MS = 500;

export function percentiles(values: number[]): Percentiles {
	const sorted = [...values].sort((x, y) => x - y);
	return {
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.at(-1) ?? NaN,
		samples: sorted.length
	};
}

export async function measureTwoInstances(
	plan: TwoInstancePlan
): Promise<Omit<TwoInstanceResult, 'reference' | 'limitMs' | 'pass'>> {
	const { a, b, readersPerInstance: n } = plan;
	const runs: LoadRun[] = [];
	const onB: ProcessFigures[] = [];
	const shares: Record<string, number>[] = [];
	const watched: Record<string, Watched> = {};
	if (plan.postgresPid) watched.PostgreSQL = { pid: plan.postgresPid, children: true };
	if (plan.redisPid) watched.Redis = { pid: plan.redisPid };
	for (let round = 0; round < plan.rounds; round++) {
		const docName = plan.nextDoc();
		let clients: BenchClient[] = [];
		try {
			// The writer first, then A's readers, then B's: measureLoad's readers are A's n, then B's n.
			clients = await connectClients(a, docName, 1 + n, plan.cookies);
			clients.push(...(await connectClients(b, docName, n, plan.cookies)));
			const stopB = watchProcess(b.pid);
			const stopCpu = watchCpu(watched);
			runs.push(await measureLoad(clients, a.pid, plan.ratePerSecond, plan.seconds));
			onB.push(stopB());
			shares.push(stopCpu().percent);
		} finally {
			closeClients(clients);
			await new Promise((ok) => setTimeout(ok, PAUSE_MS));
		}
	}
	const all = pool(runs);
	const average = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
	const share = (name: string) => (name in watched ? average(shares.map((s) => s[name])) : null);
	const result = {
		name: `2 instances, ${2 * n} readers @ ${plan.ratePerSecond}/s`,
		readersPerInstance: n,
		ratePerSecond: plan.ratePerSecond,
		seconds: plan.seconds,
		rounds: plan.rounds,
		all,
		readersOnA: percentiles(runs.flatMap((run) => run.byReader.slice(0, n).flat())),
		readersOnB: percentiles(runs.flatMap((run) => run.byReader.slice(n).flat())),
		instanceB: {
			cpuPercent: average(onB.map((f) => f.cpuPercent)),
			peakRssMb: Math.max(...onB.map((f) => f.peakRssMb))
		},
		postgresCpuPercent: share('PostgreSQL'),
		redisCpuPercent: share('Redis')
	};
	const line = (name: string, p: Percentiles) =>
		`  ${name.padEnd(34)} p50 ${p.p50.toFixed(1)} p95 ${p.p95.toFixed(1)} p99 ${p.p99.toFixed(1)} ms`;
	plan.log(
		`${line(result.name, all)}, CPU A ${all.cpuPercent.toFixed(0)}% B ` +
			`${result.instanceB.cpuPercent.toFixed(0)}%` +
			(result.redisCpuPercent === null ? '' : ` Redis ${result.redisCpuPercent.toFixed(0)}%`) +
			(result.postgresCpuPercent === null
				? ''
				: ` PostgreSQL ${result.postgresCpuPercent.toFixed(0)}%`) +
			` (bench CPU ${all.clientCpuPercent.toFixed(0)}%, load ${all.loadAverage.toFixed(1)})` +
			(all.lost ? `, ${all.lost} lost` : '')
	);
	plan.log(line(`readers on A (${n})`, result.readersOnA));
	plan.log(line(`readers on B (${n}, through Redis)`, result.readersOnB));
	return result;
}

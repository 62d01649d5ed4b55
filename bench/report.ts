// The run's figures: the console table, the JSON file under bench/results and docs/PERFORMANCE.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import type { LoadFigures } from './latency.ts';
import type { Machine } from './machine.ts';

export interface ScenarioResult {
	name: string;
	reference: LoadFigures | null;
	ours: LoadFigures | null;
	/** ours p95 ÷ reference p95 */
	p95Ratio: number | null;
}

export interface ColdLoadResult {
	updates: number;
	logBytes: number;
	snapshotBytes: number;
	textLength: number;
	/** Time to first sync of the log-only document, one per repetition (each a document not yet loaded). */
	logOnlyMs: number[];
	compactedMs: number[];
	logOnlyMedianMs: number;
	compactedMedianMs: number;
	targetMs: number;
	pass: boolean;
}

export interface LatencyTarget {
	referenceP95: number;
	oursP95: number | null;
	limitMs: number;
	pass: boolean;
}

export interface BenchResults {
	date: string;
	command: string;
	machine: Machine & { loadAfter: number[] };
	durationSeconds: number;
	oursAvailable: boolean;
	oursProblem?: string;
	scenarios: ScenarioResult[];
	ramp: ScenarioResult[];
	latencyTarget: LatencyTarget | null;
	coldLoad: ColdLoadResult | null;
}

export const P95_FACTOR = 1.25;
export const P95_SLACK_MS = 2;
export const COLD_LOAD_TARGET_MS = 200;

export function median(values: number[]): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (value: number | null | undefined) =>
	value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(1);
const pct = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(0)}%`);
const mb = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(0));
const ratio = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)}×`);

const HEADER = [
	'scenario',
	'p50 ref',
	'p50 ours',
	'p95 ref',
	'p95 ours',
	'p95 ours/ref',
	'p99 ref',
	'p99 ours',
	'CPU ref',
	'CPU ours',
	'RSS MB ref',
	'RSS MB ours',
	'lost ref/ours'
];

function row(s: ScenarioResult): string[] {
	const { reference: r, ours: o } = s;
	return [
		s.name,
		ms(r?.p50),
		ms(o?.p50),
		ms(r?.p95),
		ms(o?.p95),
		ratio(s.p95Ratio),
		ms(r?.p99),
		ms(o?.p99),
		pct(r?.cpuPercent),
		pct(o?.cpuPercent),
		mb(r?.peakRssMb),
		mb(o?.peakRssMb),
		`${r?.lost ?? '–'}/${o?.lost ?? '–'}`
	];
}

function markdownTable(header: string[], rows: string[][]): string {
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A plain-text table with aligned columns, for the console. */
export function consoleTable(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function latencyTables(results: BenchResults, format: 'console' | 'markdown'): string {
	const table = format === 'console' ? consoleTable : markdownTable;
	return table(HEADER, [...results.scenarios, ...results.ramp].map(row));
}

export function verdicts(results: BenchResults): string[] {
	const lines: string[] = [];
	const t = results.latencyTarget;
	if (t) {
		lines.push(
			`p95 at 100 clients: ours ${ms(t.oursP95)} ms, reference ${ms(t.referenceP95)} ms, ` +
				`target ≤ ${P95_FACTOR} × reference + ${P95_SLACK_MS} ms = ${ms(t.limitMs)} ms: ${t.pass ? 'PASS' : 'FAIL'}`
		);
	}
	const c = results.coldLoad;
	if (c) {
		lines.push(
			`cold load, compacted (${c.updates} updates in one snapshot): median ${ms(c.compactedMedianMs)} ms, ` +
				`target < ${c.targetMs} ms: ${c.pass ? 'PASS' : 'FAIL'}`,
			`cold load, log only (${c.updates} update rows): median ${ms(c.logOnlyMedianMs)} ms (no target)`
		);
	} else {
		lines.push(`cold load: not measured (our server was not available): FAIL`);
	}
	return lines;
}

export function writeResultsFile(results: BenchResults): string {
	mkdirSync('bench/results', { recursive: true });
	const file = resolve('bench/results', `sync-${results.date.slice(0, 10)}.json`);
	writeFileSync(file, JSON.stringify(results, null, '\t') + '\n');
	return file;
}

/** Written in the repository's Prettier style, so `npm run lint` stays clean. */
export async function writePerformanceDoc(
	results: BenchResults,
	resultsFile: string
): Promise<void> {
	const m = results.machine;
	const c = results.coldLoad;
	const coldRows = c
		? [
				[`log only, ${c.updates} rows`, ms(c.logOnlyMedianMs), c.logOnlyMs.map(ms).join(', '), '–'],
				[
					'compacted, 1 snapshot',
					ms(c.compactedMedianMs),
					c.compactedMs.map(ms).join(', '),
					`< ${c.targetMs} ms: ${c.pass ? 'PASS' : 'FAIL'}`
				]
			]
		: [['not measured', '–', '–', 'FAIL']];
	const doc = `# Performance

The sync server against the reference, \`@y/websocket-server\` 0.1.1 (in memory, no checks, no storage), in
the same run on the same machine. Run it with:

\`\`\`sh
npm run bench:sync
\`\`\`

It takes about three minutes, binds loopback only and writes its figures to
\`bench/results/sync-<date>.json\`. Clients are stock \`y-websocket\` providers in the bench process, all on
one document; one writes an entry to a Y.Array at a steady rate and every other client notes when it arrives
(edit-to-peer latency, over every (peer, update) pair). Each scenario, and the ramp, runs in two rounds per
server on fresh documents, alternating which server goes first, and pools both rounds. CPU is the server
process's CPU time ÷ wall time (100% = one core); RSS is the peak resident memory, sampled every 50 ms. The
JSON file also has the bench process's own CPU and the load average per step.

Reading the figures: ours stores every update in PostgreSQL before sending it to anyone (group commit per
turn of the event loop, one multi-row INSERT a batch), checks sessions and rights on every upgrade, and runs
the SvelteKit app in the same process; the reference keeps everything in memory and checks nothing. The
bench's PostgreSQL is an embedded server like the one \`npm start\` runs, with fsync and synchronous commit
on: a batch is on disk before anyone is sent it, as in production. Latency includes the bench process's own work
(decoding every update for every client), which is the same for both servers. On a shared machine the
figures move with the load average: compare runs only at a similar load.

## Last run

- Date: ${results.date}
- Machine: ${m.nproc} cores, ${m.cpuModel}, ${m.memoryGb} GB memory, Node ${m.node}
- Load average before the run: ${m.loadBefore.join(', ')} (1, 5, 15 min); after: ${m.loadAfter.join(', ')}
- Figures: \`${resultsFile}\`${results.oursAvailable ? '' : `\n- Our server was not available: ${results.oursProblem ?? 'unknown reason'}`}

### Edit-to-peer latency (ms), server CPU and memory

${latencyTables(results, 'markdown')}

### Cold load (ms, socket opened → first 'sync', document not in memory)

${markdownTable(['stored as', 'median', 'runs', 'target'], coldRows)}

### Targets

${verdicts(results)
	.map((line) => `- ${line}`)
	.join('\n')}
`;
	const file = resolve('docs/PERFORMANCE.md');
	const options = { ...(await prettier.resolveConfig(file)), filepath: file };
	mkdirSync('docs', { recursive: true });
	// Other benchmarks' sections (bench/trace.ts writes one between its markers) are kept as they are.
	const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
	const others = before.indexOf('<!-- bench:trace start -->');
	const kept = others >= 0 ? '\n' + before.slice(others) : '';
	writeFileSync(file, await prettier.format(doc + kept, options));
}

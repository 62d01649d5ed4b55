// `npm run bench:sync`: our sync server against the reference y-websocket server, both as child processes on
// loopback, in one run. Latency under load for 2 to 100 clients, a rate ramp at 100 clients, and the cold
// load of a long document (ours only: the reference keeps nothing). `--quick` runs a short version to try
// the harness; its figures are not written anywhere.
import { closeClients, connectClients } from './clients.ts';
import { measureColdLoad, timeFirstSync } from './cold-load.ts';
import { ensureBuilt, freshDataDir, removeDataDir, seedFixture, signIn } from './fixture.ts';
import { measureLoad, type LoadFigures } from './latency.ts';
import { currentLoad, describeMachine } from './machine.ts';
import {
	latencyTables,
	P95_FACTOR,
	P95_SLACK_MS,
	verdicts,
	writePerformanceDoc,
	writeResultsFile,
	type BenchResults,
	type ScenarioResult
} from './report.ts';
import {
	killAllServersNow,
	startOurs,
	startReference,
	stopAllServers,
	type BenchServer
} from './servers.ts';

const quick = process.argv.includes('--quick');
const CLIENT_COUNTS = [2, 10, 50, 100];
const STEADY_RATE = 10;
const STEADY_SECONDS = quick ? 2 : 8;
const RAMP_CLIENTS = 100;
const RAMP_RATES = [10, 25, 50, 100];
const RAMP_SECONDS = quick ? 2 : 5;
const HISTORY_UPDATES = quick ? 5_000 : 50_000;
const COLD_REPETITIONS = quick ? 2 : 5;
/** Lets a server settle (sockets closed, documents unloaded) between scenarios. */
const PAUSE_MS = 500;
/** The harness's own limit: past this, something hangs and the run is stopped. */
const RUN_TIMEOUT_MS = 9 * 60 * 1000;

// Each provider adds an exit listener; a hundred of them are expected, not a leak.
process.setMaxListeners(0);

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const log = (line: string) => console.log(line);
const docFor = (meetingId: string) => `meeting:${meetingId}:minutes`;

interface Target {
	server: BenchServer;
	cookies: string[];
}

/** Runs each rate in turn on `clients` clients of one fresh document, for one server. */
async function runSteps(
	target: Target,
	docName: string,
	clients: number,
	rates: number[],
	seconds: number
): Promise<LoadFigures[]> {
	const connected = await connectClients(target.server, docName, clients, target.cookies);
	try {
		const figures: LoadFigures[] = [];
		for (const rate of rates) {
			figures.push(await measureLoad(connected, target.server.pid, rate, seconds));
			await pause(PAUSE_MS);
		}
		return figures;
	} finally {
		closeClients(connected);
		await pause(PAUSE_MS);
	}
}

function describe(f: LoadFigures): string {
	return (
		`p50 ${f.p50.toFixed(1)} p95 ${f.p95.toFixed(1)} p99 ${f.p99.toFixed(1)} ms, ` +
		`CPU ${f.cpuPercent.toFixed(0)}%, RSS ${f.peakRssMb.toFixed(0)} MB` +
		(f.lost ? `, ${f.lost} lost` : '')
	);
}

/** Both servers through the same steps, alternating which goes first so neither always runs cold. */
async function compare(
	names: string[],
	targets: { reference: Target; ours: Target | null },
	docs: { reference: string; ours: string },
	clients: number,
	rates: number[],
	seconds: number,
	oursFirst: boolean
): Promise<ScenarioResult[]> {
	const run = async (which: 'reference' | 'ours') => {
		const target = targets[which];
		if (!target) return null;
		const figures = await runSteps(target, docs[which], clients, rates, seconds);
		figures.forEach((f, i) => log(`  ${names[i]} ${which.padEnd(9)} ${describe(f)}`));
		return figures;
	};
	const order: ('reference' | 'ours')[] = oursFirst ? ['ours', 'reference'] : ['reference', 'ours'];
	const figures = { reference: null, ours: null } as Record<string, LoadFigures[] | null>;
	for (const which of order) figures[which] = await run(which);
	return names.map((name, i) => {
		const reference = figures.reference?.[i] ?? null;
		const ours = figures.ours?.[i] ?? null;
		return { name, reference, ours, p95Ratio: reference && ours ? ours.p95 / reference.p95 : null };
	});
}

/** Whether our server takes a synced client at all (until the sync server lands, it refuses upgrades). */
async function probeOurs(target: Target, docName: string): Promise<string | null> {
	try {
		await timeFirstSync(target.server, docName, target.cookies[0], 10_000);
		return null;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

async function main(): Promise<void> {
	const startedAt = Date.now();
	const machine = describeMachine();
	log(
		`Sync benchmark${quick ? ' (quick: figures not written)' : ''} on ${machine.nproc} cores, ` +
			`${machine.cpuModel}, Node ${machine.node}; load average ${machine.loadBefore.join(', ')}`
	);
	ensureBuilt();
	const dataDir = freshDataDir();
	try {
		// Meetings: one per scenario, one for the ramp, cold-load documents and one warm-up.
		const meetings = CLIENT_COUNTS.length + 1 + 2 * COLD_REPETITIONS + 1;
		const fixture = await seedFixture(dataDir, meetings);
		const oursServer = await startOurs(dataDir);
		const ours: Target = {
			server: oursServer,
			cookies: await signIn(oursServer.url, fixture.editors)
		};
		const reference: Target = { server: await startReference(), cookies: [] };
		log(`reference: ${reference.server.url} (pid ${reference.server.pid})`);
		log(`ours:      ${ours.server.url} (pid ${ours.server.pid}), data in ${dataDir}`);
		const [scenarioMeetings, coldMeetings] = [
			fixture.meetingIds.slice(0, CLIENT_COUNTS.length + 1),
			fixture.meetingIds.slice(CLIENT_COUNTS.length + 1)
		];
		const oursProblem = await probeOurs(ours, docFor(coldMeetings.at(-1)!));
		if (oursProblem)
			log(
				`\nOur server did not sync a client, so only the reference is measured:\n  ${oursProblem}`
			);
		const targets = { reference, ours: oursProblem ? null : ours };

		const scenarios: ScenarioResult[] = [];
		for (const [i, clients] of CLIENT_COUNTS.entries()) {
			log(`\n${clients} clients, ${STEADY_RATE} updates/s for ${STEADY_SECONDS} s`);
			const doc = docFor(scenarioMeetings[i]);
			const name = `${clients} clients @ ${STEADY_RATE}/s`;
			scenarios.push(
				...(await compare(
					[name],
					targets,
					{ reference: doc, ours: doc },
					clients,
					[STEADY_RATE],
					STEADY_SECONDS,
					i % 2 === 1
				))
			);
		}
		log(
			`\nRamp at ${RAMP_CLIENTS} clients: ${RAMP_RATES.join(' → ')} updates/s, ${RAMP_SECONDS} s each`
		);
		const rampDoc = docFor(scenarioMeetings[CLIENT_COUNTS.length]);
		const ramp = await compare(
			RAMP_RATES.map((rate) => `ramp ${RAMP_CLIENTS} @ ${rate}/s`),
			targets,
			{ reference: rampDoc, ours: rampDoc },
			RAMP_CLIENTS,
			RAMP_RATES,
			RAMP_SECONDS,
			false
		);
		await reference.server.stop();

		const hundred = scenarios.find((s) => s.reference?.clients === 100);
		const limitMs = (hundred?.reference?.p95 ?? NaN) * P95_FACTOR + P95_SLACK_MS;
		const latencyTarget = hundred?.reference
			? {
					referenceP95: hundred.reference.p95,
					oursP95: hundred.ours?.p95 ?? null,
					limitMs,
					pass: hundred.ours !== null && hundred.ours.p95 <= limitMs
				}
			: null;
		const cold = oursProblem
			? null
			: await measureColdLoad({
					dataDir,
					ours: ours.server,
					cookie: ours.cookies[0],
					updates: HISTORY_UPDATES,
					logged: coldMeetings.slice(0, COLD_REPETITIONS).map(docFor),
					compacted: coldMeetings.slice(COLD_REPETITIONS, 2 * COLD_REPETITIONS).map(docFor),
					warmUp: docFor(coldMeetings[2 * COLD_REPETITIONS]),
					log
				});

		const results: BenchResults = {
			date: new Date().toISOString(),
			command: 'npm run bench:sync',
			machine: { ...machine, loadAfter: currentLoad() },
			durationSeconds: Math.round((Date.now() - startedAt) / 1000),
			oursAvailable: !oursProblem,
			...(oursProblem ? { oursProblem } : {}),
			scenarios,
			ramp,
			latencyTarget,
			coldLoad: cold
		};
		log(`\n${latencyTables(results, 'console')}\n`);
		for (const line of verdicts(results)) log(line);
		if (!quick) {
			const file = writeResultsFile(results);
			await writePerformanceDoc(results, file.slice(process.cwd().length + 1));
			log(`\nFigures written to ${file} and docs/PERFORMANCE.md`);
		}
		log(
			`Done in ${results.durationSeconds} s; load average now ${results.machine.loadAfter.join(', ')}`
		);
	} finally {
		await stopAllServers();
		removeDataDir(dataDir);
	}
}

const watchdog = setTimeout(() => {
	console.error(`\nThe benchmark ran past ${RUN_TIMEOUT_MS / 60000} minutes: stopping it.`);
	killAllServersNow();
	process.exit(2);
}, RUN_TIMEOUT_MS);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		console.error(`\n${signal}: stopping the servers.`);
		void stopAllServers().finally(() => process.exit(130));
	});
}
process.once('exit', killAllServersNow);

main()
	.then(() => {
		clearTimeout(watchdog);
		// Providers keep timers; everything of ours is closed, so leave now.
		process.exit(0);
	})
	.catch(async (error) => {
		console.error(`\nThe benchmark failed: ${error instanceof Error ? error.stack : error}`);
		await stopAllServers();
		process.exit(1);
	});

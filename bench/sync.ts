// `npm run bench:sync`: our sync server against the reference y-websocket server, both as child processes on
// loopback, in one run. Latency under load for 2 to 100 clients, a rate ramp at 100 clients, the cold
// load of a long document (ours only: the reference keeps nothing), 100 readers on two instances of ours
// sharing one PostgreSQL and one Redis, and the ceiling of stored updates per second with 20 writers on
// one and on two instances. PostgreSQL is durable (fsync, synchronous commit), as in production. `--quick`
// runs a short version to try the harness; its figures are not written anywhere.
import { prepareTestDatabase } from '../tests/support/database.ts';
import { measureCeiling } from './ceiling.ts';
import { measureColdLoad, timeFirstSync } from './cold-load.ts';
import { compare, type Target } from './compare.ts';
import {
	ensureBuilt,
	freshDataDir,
	removeAllDataDirs,
	removeDataDir,
	seedFixture,
	signIn
} from './fixture.ts';
import { measureTwoInstances } from './instances.ts';
import { currentLoad, describeMachine } from './machine.ts';
import { settle } from './proc-stats.ts';
import {
	ceilingTable,
	latencyTables,
	P95_FACTOR,
	P95_SLACK_MS,
	TWO_INSTANCE_P95_FACTOR,
	TWO_INSTANCE_P95_SLACK_MS,
	twoInstanceTable,
	verdicts,
	writePerformanceDoc,
	writeResultsFile,
	type BenchResults,
	type CeilingResult,
	type ScenarioResult,
	type TwoInstanceResult
} from './report.ts';
import {
	killAllServersNow,
	postgresPid,
	startBenchRedis,
	startOurs,
	startReference,
	stopAllServers,
	type BenchServer
} from './servers.ts';

const quick = process.argv.includes('--quick');
const CLIENT_COUNTS = [2, 10, 50, 100];
const STEADY_RATE = 10;
const STEADY_SECONDS = quick ? 2 : 5;
/** Steady scenarios run twice per server, alternating which goes first. */
const STEADY_ROUNDS = 2;
const RAMP_CLIENTS = 100;
const RAMP_RATES = [10, 25, 50, 100];
const RAMP_SECONDS = quick ? 2 : 3;
const RAMP_ROUNDS = 2;
const HISTORY_UPDATES = quick ? 5_000 : 50_000;
const COLD_REPETITIONS = quick ? 2 : 5;
/** Two instances: the writer on A and this many readers on each, at the 100-client scenario's rate. */
const READERS_PER_INSTANCE = 50;
const TWO_INSTANCE_ROUNDS = 2;
/** The rate ceiling: writers (each a board member of their own) on one document, total rates in steps. */
const CEILING_WRITERS = 20;
const CEILING_RATES = quick ? [250, 1000, 2000] : [250, 500, 750, 1000, 1500, 2000, 3000, 4000];
const CEILING_SECONDS = quick ? 1 : 3;
/** Before each of the later parts, PostgreSQL is let finish what the earlier left it (vacuuming, say). */
const SETTLE_MAX_MS = 15_000;
/** The harness's own limit: past this, something hangs and the run is stopped. */
const RUN_TIMEOUT_MS = 9 * 60 * 1000;

// Each provider adds an exit listener; a hundred of them are expected, not a leak.
process.setMaxListeners(0);

const log = (line: string) => console.log(line);
/** Stops the tests' PostgreSQL if this run started it; set once it is prepared. */
let stopDatabase: (() => Promise<void>) | undefined;
const docFor = (meetingId: string) => `meeting:${meetingId}:minutes`;

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
	stopDatabase = await prepareTestDatabase({ durable: true });
	const dataDir = await freshDataDir();
	try {
		// A meeting per document: the probe, one per scenario round and ramp round, one per two-instance
		// round, one per ceiling ramp, and for the cold load one per repetition and way of storing, plus a
		// warm-up.
		const meetings =
			1 +
			CLIENT_COUNTS.length * STEADY_ROUNDS +
			RAMP_ROUNDS +
			TWO_INSTANCE_ROUNDS +
			2 +
			2 * COLD_REPETITIONS +
			1;
		const fixture = await seedFixture(dataDir, meetings, CEILING_WRITERS);
		const unused = fixture.meetingIds.map(docFor);
		const nextDoc = () => unused.shift()!;
		const coldDocs = unused.splice(-(2 * COLD_REPETITIONS + 1));
		const oursServer = await startOurs(dataDir);
		const ours: Target = {
			server: oursServer,
			cookies: await signIn(oursServer.url, fixture.editors)
		};
		// Sessions are in the database: they hold on every instance started on this folder.
		const writerCookies = await signIn(oursServer.url, fixture.boardMembers);
		const reference: Target = { server: await startReference(), cookies: [] };
		log(`reference: ${reference.server.url} (pid ${reference.server.pid})`);
		log(`ours:      ${ours.server.url} (pid ${ours.server.pid}), data in ${dataDir}`);
		const oursProblem = await probeOurs(ours, nextDoc());
		if (oursProblem)
			log(
				`\nOur server did not sync a client, so only the reference is measured:\n  ${oursProblem}`
			);
		const targets = { reference, ours: oursProblem ? null : ours };

		const scenarios: ScenarioResult[] = [];
		for (const [i, clients] of CLIENT_COUNTS.entries()) {
			log(
				`\n${clients} clients, ${STEADY_RATE} updates/s, ${STEADY_ROUNDS} rounds of ${STEADY_SECONDS} s`
			);
			const names = [`${clients} clients @ ${STEADY_RATE}/s`];
			const scenario = { names, clients, rates: [STEADY_RATE], secondsPerRate: STEADY_SECONDS };
			scenarios.push(
				...(await compare(
					targets,
					{ ...scenario, rounds: STEADY_ROUNDS, nextDoc, oursFirst: i % 2 === 1 },
					log
				))
			);
		}
		log(
			`\nRamp at ${RAMP_CLIENTS} clients: ${RAMP_RATES.join(' → ')} updates/s, ` +
				`${RAMP_ROUNDS} rounds of ${RAMP_SECONDS} s each`
		);
		const ramp = await compare(
			targets,
			{
				names: RAMP_RATES.map((rate) => `ramp ${RAMP_CLIENTS} @ ${rate}/s`),
				clients: RAMP_CLIENTS,
				rates: RAMP_RATES,
				secondsPerRate: RAMP_SECONDS,
				rounds: RAMP_ROUNDS,
				nextDoc,
				oursFirst: false
			},
			log
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
					logged: coldDocs.slice(0, COLD_REPETITIONS),
					compacted: coldDocs.slice(COLD_REPETITIONS, 2 * COLD_REPETITIONS),
					warmUp: coldDocs[2 * COLD_REPETITIONS],
					log
				});

		let twoInstances: TwoInstanceResult | null = null;
		const ceilings: CeilingResult[] = [];
		if (!oursProblem) {
			const pgPid = await postgresPid(dataDir);
			const quiet = async (servers: BenchServer[]) => {
				if (pgPid) await settle(pgPid, 500, SETTLE_MAX_MS, { children: true });
				for (const server of servers) await settle(server.pid, 250, SETTLE_MAX_MS);
			};
			const redis = await startBenchRedis();
			const shared = { REDIS_URL: redis.url };
			const startPair = async () => [
				await startOurs(dataDir, shared),
				await startOurs(dataDir, shared)
			];
			let [a, b] = await startPair();
			log(
				`\nTwo instances on one database and one Redis (${redis.url}, pid ${redis.pid ?? '?'}): ` +
					`A pid ${a.pid}, B pid ${b.pid}; writer on A, ${READERS_PER_INSTANCE} readers on each, ` +
					`${STEADY_RATE} updates/s, ${TWO_INSTANCE_ROUNDS} rounds of ${STEADY_SECONDS} s`
			);
			await quiet([a, b]);
			const measured = await measureTwoInstances({
				a,
				b,
				cookies: ours.cookies,
				readersPerInstance: READERS_PER_INSTANCE,
				ratePerSecond: STEADY_RATE,
				seconds: STEADY_SECONDS,
				rounds: TWO_INSTANCE_ROUNDS,
				nextDoc,
				postgresPid: pgPid,
				redisPid: redis.pid,
				log
			});
			const hundredRef = hundred?.reference ?? null;
			const twoLimit = hundredRef
				? hundredRef.p95 * TWO_INSTANCE_P95_FACTOR + TWO_INSTANCE_P95_SLACK_MS
				: null;
			twoInstances = {
				...measured,
				reference: hundredRef,
				limitMs: twoLimit,
				pass: twoLimit !== null && measured.all.lost === 0 && measured.all.p95 <= twoLimit
			};
			await Promise.all([a.stop(), b.stop()]);

			const ceiling = async (label: string, servers: BenchServer[], names: string[]) => {
				log(
					`\nStored updates per second, ${label}: ${CEILING_WRITERS} writers on one document, ` +
						`${CEILING_RATES.join(' → ')} updates/s, ${CEILING_SECONDS} s each`
				);
				await quiet(servers);
				ceilings.push(
					await measureCeiling({
						label,
						servers,
						serverNames: names,
						docName: nextDoc(),
						writerCookies,
						observerCookie: ours.cookies[0],
						rates: CEILING_RATES,
						secondsPerStep: CEILING_SECONDS,
						dataDir,
						postgresPid: pgPid,
						redisPid: servers.length > 1 ? redis.pid : undefined,
						log
					})
				);
			};
			// One instance as one runs alone: no REDIS_URL, nothing published.
			const single = await startOurs(dataDir);
			await ceiling('one instance', [single], ['ours']);
			await single.stop();
			[a, b] = await startPair();
			await ceiling('two instances', [a, b], ['A', 'B']);
			await Promise.all([a.stop(), b.stop()]);
			await redis.stop();
		}

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
			twoInstances,
			ceilings,
			coldLoad: cold
		};
		log(`\n${latencyTables(results, 'console')}\n`);
		if (twoInstances) log(`Two instances (ms):\n${twoInstanceTable(results, 'console')}\n`);
		for (const c of ceilings)
			log(`Stored updates per second, ${c.label}:\n${ceilingTable(c, 'console')}\n`);
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
		try {
			await removeDataDir(dataDir);
		} finally {
			await stopDatabase?.();
		}
	}
}

/**
 * On the way out of a failed or interrupted run: stops the tests' PostgreSQL (its embedded server and
 * folder are this run's own, and nothing else would stop them), waiting a few seconds at most.
 */
function stopDatabaseBriefly(): Promise<unknown> {
	const giveUp = new Promise((ok) => setTimeout(ok, 5_000));
	return Promise.race([stopDatabase?.(), giveUp]).catch(() => undefined);
}

const watchdog = setTimeout(() => {
	console.error(`\nThe benchmark ran past ${RUN_TIMEOUT_MS / 60000} minutes: stopping it.`);
	killAllServersNow();
	void stopDatabaseBriefly().finally(() => process.exit(2));
}, RUN_TIMEOUT_MS);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		console.error(`\n${signal}: stopping the servers.`);
		void stopAllServers()
			.then(stopDatabaseBriefly)
			.finally(() => process.exit(130));
	});
}
process.once('exit', () => {
	killAllServersNow();
	removeAllDataDirs();
});

main()
	.then(() => {
		clearTimeout(watchdog);
		// Providers keep timers; everything of ours is closed, so leave now.
		process.exit(0);
	})
	.catch(async (error) => {
		console.error(`\nThe benchmark failed: ${error instanceof Error ? error.stack : error}`);
		await stopAllServers();
		await stopDatabaseBriefly();
		process.exit(1);
	});

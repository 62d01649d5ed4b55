// A server process's CPU share and peak memory over a stretch of time, read from /proc (Linux only); and
// the CPU of several processes at once (PostgreSQL with its backends) and of the whole machine, to tell
// which of the processes sharing the machine's cores set the pace.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** How often resident memory is sampled: often enough to catch a short peak. */
const RSS_SAMPLE_MS = 50;

let clockTicks: number | undefined;
function ticksPerSecond(): number {
	if (clockTicks === undefined) {
		try {
			clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
		} catch {
			clockTicks = 100;
		}
	}
	return clockTicks;
}

/**
 * The fields of /proc/<pid>/stat from field 3 (state) on: fields[1] is the parent, [11] and [12] utime and
 * stime, [13] and [14] the same for children already reaped. The command name may hold spaces, so fields
 * are counted after ')'.
 */
function statFields(pid: number): string[] {
	let stat: string;
	try {
		stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		throw new Error(`process ${pid} is gone`);
	}
	return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** utime + stime in clock ticks. */
export function cpuTicks(pid: number): number {
	const fields = statFields(pid);
	return Number(fields[11]) + Number(fields[12]);
}

/** A process's parent, or undefined if it is gone. */
export function parentOf(pid: number): number | undefined {
	try {
		return Number(statFields(pid)[1]);
	} catch {
		return undefined;
	}
}

function livePids(): number[] {
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map(Number);
}

/**
 * A process's CPU with its children's: its own, its reaped children's, and each live child's (with the
 * child's reaped ones). One level down is enough for PostgreSQL, whose backends are the server's children;
 * a backend that ends between two readings moves from "live child" to "reaped", so nothing is counted twice.
 */
export function treeTicks(pid: number): number {
	const own = statFields(pid);
	let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
	for (const child of livePids()) {
		try {
			const fields = statFields(child);
			if (Number(fields[1]) !== pid) continue;
			ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
		} catch {
			// ended while the list was read: its time is in the parent's reaped figure now
		}
	}
	return ticks;
}

/** The first process whose command line passes `test` (arguments joined by spaces), if any. */
export function findProcess(test: (commandLine: string) => boolean): number | undefined {
	for (const pid of livePids()) {
		try {
			const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
			if (test(commandLine)) return pid;
		} catch {
			// gone meanwhile
		}
	}
	return undefined;
}

/** The machine's busy and total clock ticks over all cores (/proc/stat's first line); iowait counts as idle. */
function machineTicks(): { busy: number; total: number } {
	const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
	const [user, nice, system, idle, iowait, irq, softirq, steal] = line
		.trim()
		.split(/\s+/)
		.slice(1)
		.map(Number);
	const busy = user + nice + system + irq + softirq + (steal || 0);
	return { busy, total: busy + idle + iowait };
}

export function rssKb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
	return match ? Number(match[1]) : 0;
}

export interface ProcessFigures {
	/** CPU time ÷ wall time, as a percentage of one core. */
	cpuPercent: number;
	peakRssMb: number;
}

/** Starts watching a process; the returned function stops watching and gives the figures. */
export function watchProcess(pid: number): () => ProcessFigures {
	const startTicks = cpuTicks(pid);
	const startedAt = performance.now();
	let peak = rssKb(pid);
	const timer = setInterval(() => {
		try {
			peak = Math.max(peak, rssKb(pid));
		} catch {
			clearInterval(timer);
		}
	}, RSS_SAMPLE_MS);
	return () => {
		clearInterval(timer);
		const seconds = (performance.now() - startedAt) / 1000;
		const cpuSeconds = (cpuTicks(pid) - startTicks) / ticksPerSecond();
		peak = Math.max(peak, rssKb(pid));
		return { cpuPercent: (100 * cpuSeconds) / seconds, peakRssMb: peak / 1024 };
	};
}

/** A process to watch: with its children (PostgreSQL's backends) or alone (the bench, whose children are the servers). */
export interface Watched {
	pid: number;
	children?: boolean;
}

export interface CpuFigures {
	/** Each watched process's CPU time ÷ wall time, as a percentage of one core, by the name it was given. */
	percent: Record<string, number>;
	/** The whole machine's busy time, as a percentage of all its cores: 100% means no core was ever idle. */
	machineBusyPercent: number;
	/**
	 * What the rest of the machine used meanwhile (other people's test runs on a shared machine, the
	 * hypervisor's steal), as a percentage of one core: the machine's busy time less the watched processes'.
	 */
	othersPercent: number;
}

/** Starts counting the CPU of named processes and of the machine; the returned function gives the shares. */
export function watchCpu(processes: Record<string, Watched>): () => CpuFigures {
	const ticksOf = ({ pid, children }: Watched) => {
		try {
			return children ? treeTicks(pid) : cpuTicks(pid);
		} catch {
			return NaN;
		}
	};
	const start = Object.fromEntries(Object.entries(processes).map(([n, w]) => [n, ticksOf(w)]));
	const machineStart = machineTicks();
	const startedAt = performance.now();
	return () => {
		const seconds = (performance.now() - startedAt) / 1000;
		const machine = machineTicks();
		const percent = Object.fromEntries(
			Object.entries(processes).map(([name, watched]) => [
				name,
				(100 * (ticksOf(watched) - start[name])) / ticksPerSecond() / seconds
			])
		);
		const total = machine.total - machineStart.total;
		const busy = machine.busy - machineStart.busy;
		const ours = Object.values(percent).reduce((sum, p) => sum + (Number.isNaN(p) ? 0 : p), 0);
		return {
			percent,
			machineBusyPercent: total > 0 ? (100 * busy) / total : NaN,
			othersPercent: Math.max(0, (100 * busy) / ticksPerSecond() / seconds - ours)
		};
	};
}

/**
 * Waits until the process has been nearly idle for one window (e.g. done compacting what it just
 * loaded), so that its leftover work is not charged to the next measurement. Gives up after `maxMs`.
 * With `children`, the process and its children together (PostgreSQL still vacuuming, say).
 */
export async function settle(
	pid: number,
	windowMs = 250,
	maxMs = 15_000,
	options: { children?: boolean } = {}
): Promise<boolean> {
	const ticks = options.children ? treeTicks : cpuTicks;
	const idleTicks = Math.max(1, Math.round((ticksPerSecond() * windowMs) / 1000 / 10));
	const deadline = performance.now() + maxMs;
	while (performance.now() < deadline) {
		const before = ticks(pid);
		await new Promise((ok) => setTimeout(ok, windowMs));
		if (ticks(pid) - before <= idleTicks) return true;
	}
	return false;
}

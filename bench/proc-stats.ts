// A server process's CPU share and peak memory over a stretch of time, read from /proc (Linux only).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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

/** utime + stime in clock ticks. The command name may hold spaces, so fields are counted after ')'. */
export function cpuTicks(pid: number): number {
	let stat: string;
	try {
		stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		throw new Error(`process ${pid} is gone`);
	}
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// fields[0] is field 3 (state); utime and stime are fields 14 and 15.
	return Number(fields[11]) + Number(fields[12]);
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

/**
 * Waits until the process has been nearly idle for one window (e.g. done compacting what it just
 * loaded), so that its leftover work is not charged to the next measurement. Gives up after `maxMs`.
 */
export async function settle(pid: number, windowMs = 250, maxMs = 15_000): Promise<boolean> {
	const idleTicks = Math.max(1, Math.round((ticksPerSecond() * windowMs) / 1000 / 10));
	const deadline = performance.now() + maxMs;
	while (performance.now() < deadline) {
		const before = cpuTicks(pid);
		await new Promise((ok) => setTimeout(ok, windowMs));
		if (cpuTicks(pid) - before <= idleTicks) return true;
	}
	return false;
}

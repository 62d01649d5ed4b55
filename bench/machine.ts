// The machine a run was made on, so figures can be read in context: cores, CPU model, memory, Node, load.
import { cpus, loadavg, totalmem } from 'node:os';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';

export interface Machine {
	nproc: number;
	cpuModel: string;
	memoryGb: number;
	node: string;
	/** 1, 5 and 15 minute load averages just before the run. */
	loadBefore: number[];
}

function cpuModel(): string {
	try {
		const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
		if (match) return match[1].trim();
	} catch {
		// not Linux: fall through to what Node knows
	}
	return cpus()[0]?.model ?? 'unknown';
}

export function describeMachine(): Machine {
	return {
		nproc: availableParallelism(),
		cpuModel: cpuModel(),
		memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version,
		loadBefore: loadavg().map((l) => Math.round(l * 100) / 100)
	};
}

export function currentLoad(): number[] {
	return loadavg().map((l) => Math.round(l * 100) / 100);
}

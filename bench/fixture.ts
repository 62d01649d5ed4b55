// What our server needs before a client may open a meeting's documents: a migrated data folder under
// bench/.tmp, a partnership with people and a board (the tests' factories), meetings of that board, and
// signed-in sessions.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from '../tests/support/client.ts';
import { makePartnership, PASSWORD } from '../tests/support/factories.ts';
import { makeMeeting } from '../tests/support/meetings.ts';
import { openDb } from '../tests/support/server.ts';

export const BENCH_TMP = resolve('bench/.tmp');

/** Builds the app once; our server is the built one (build/start.js), as `npm start` runs it. */
export function ensureBuilt(): void {
	if (existsSync('build/start.js')) return;
	console.log('build/start.js is missing: building the app (npx vite build)…');
	execFileSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const created = new Set<string>();

export function freshDataDir(): string {
	mkdirSync(BENCH_TMP, { recursive: true });
	const dir = mkdtempSync(resolve(BENCH_TMP, 'data-'));
	created.add(dir);
	execFileSync('npm', ['run', '--silent', 'db:migrate'], {
		env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
		stdio: 'pipe'
	});
	return dir;
}

export function removeDataDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	created.delete(dir);
}

/** For an interrupted run: every data folder this process made. */
export function removeAllDataDirs(): void {
	for (const dir of created) removeDataDir(dir);
}

export interface BenchFixture {
	meetingIds: string[];
	/** Accounts allowed to edit the meetings' documents: an admin, an officer and a seated member. */
	editors: string[];
}

export async function seedFixture(dataDir: string, meetings: number): Promise<BenchFixture> {
	const db = openDb(dataDir);
	try {
		const fixture = await makePartnership(db, 'bench');
		const { members } = fixture;
		const meetingIds: string[] = [];
		for (let i = 0; i < meetings; i++)
			meetingIds.push((await makeMeeting(db, fixture, { title: `Benchmark meeting ${i + 1}` })).id);
		return {
			meetingIds,
			editors: [members.ADMIN.email, members.SECRETARIAT.email, members.MEMBER.email]
		};
	} finally {
		await db.$disconnect();
	}
}

/** One session cookie (`session=…`) per account, from the sign-in endpoint. */
export async function signIn(url: string, emails: string[]): Promise<string[]> {
	const cookies: string[] = [];
	for (const email of emails) {
		const client = new Client(url);
		await client.login(email, PASSWORD);
		if (!client.cookie) throw new Error(`signing in as ${email} set no session cookie`);
		cookies.push(client.cookie);
	}
	return cookies;
}

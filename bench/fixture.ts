// What our server needs before a client may open a meeting's documents: a data folder with a database of
// its own (a copy of the tests' migrated template, on the tests' PostgreSQL), a partnership with people and
// a board (the tests' factories), meetings of that board, board members who may edit them (one person per
// writer of the rate ceiling), and signed-in sessions.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { Client } from '../tests/support/client.ts';
import { makePartnership, PASSWORD } from '../tests/support/factories.ts';
import { makeMeeting, makeMemberOf } from '../tests/support/meetings.ts';
import {
	freshDataDir as freshTestDataDir,
	openDb,
	removeDataDir as removeTestDataDir
} from '../tests/support/server.ts';

/** Builds the app once; our server is the built one (build/start.js), as `npm start` runs it. */
export function ensureBuilt(): void {
	if (existsSync('build/start.js')) return;
	console.log('build/start.js is missing: building the app (npx vite build)…');
	execFileSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const created = new Set<string>();

/**
 * A data folder (under tests/.tmp) and its own database, copied from the migrated template: the tests'
 * PostgreSQL must be prepared in this process first (prepareTestDatabase in tests/support/database.ts).
 */
export async function freshDataDir(): Promise<string> {
	const dir = await freshTestDataDir();
	created.add(dir);
	return dir;
}

/** Drops the folder's database and removes the folder. */
export async function removeDataDir(dir: string): Promise<void> {
	await removeTestDataDir(dir);
	created.delete(dir);
}

/**
 * For an interrupted run, as the process exits (no waiting possible): every data folder this process made.
 * Dropping their databases would need waiting; they go with the run's own embedded PostgreSQL when it is
 * stopped (on a TEST_DATABASE_URL server they stay, named test_…).
 */
export function removeAllDataDirs(): void {
	for (const dir of created) rmSync(dir, { recursive: true, force: true });
	created.clear();
}

export interface BenchFixture {
	meetingIds: string[];
	/** Accounts allowed to edit the meetings' documents: an admin, an officer and a seated member. */
	editors: string[];
	/** Further members seated on the board (so allowed to edit), one per writer that should be a person. */
	boardMembers: string[];
}

export async function seedFixture(
	dataDir: string,
	meetings: number,
	boardMembers = 0
): Promise<BenchFixture> {
	const db = openDb(dataDir);
	try {
		const fixture = await makePartnership(db, 'bench');
		const { members } = fixture;
		const meetingIds: string[] = [];
		for (let i = 0; i < meetings; i++)
			meetingIds.push((await makeMeeting(db, fixture, { title: `Benchmark meeting ${i + 1}` })).id);
		// Each writer a person of their own, as in a meeting: the store records an editing session per
		// person and document in every batch's transaction, so three people's twenty connections would
		// understate its work.
		const seated: string[] = [];
		for (let i = 0; i < boardMembers; i++) {
			const member = await makeMemberOf(db, fixture, 'community');
			await db.bodySeat.create({
				data: { bodyId: fixture.bodies.board.id, membershipId: member.membershipId, role: 'MEMBER' }
			});
			seated.push(member.email);
		}
		return {
			meetingIds,
			editors: [members.ADMIN.email, members.SECRETARIAT.email, members.MEMBER.email],
			boardMembers: seated
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

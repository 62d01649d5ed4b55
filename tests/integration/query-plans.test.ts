// Prisma's query compiler keeps the plans it made (src/lib/server/platform/query-plans.ts): the same query is
// compiled once, a kept plan still reads today's rows, and queries that carry data are not kept. Counted on
// Prisma's own compiler, which the kept-plans compiler calls when it has no plan.
import { rmSync } from 'node:fs';
import { QueryCompiler as PrismaQueryCompiler } from '@prisma/client/runtime/query_compiler_bg.postgresql.js';
import { afterAll, beforeAll, beforeEach, expect, it, vi, type MockInstance } from 'vitest';
import { LONGEST_KEPT_QUERY } from '../../src/lib/server/platform/index.ts';
import { freshDataDir, openDb, removeDataDir } from '../support/server.ts';

const dataDir = await freshDataDir();
const db = openDb(dataDir);
let compiled: MockInstance<(query: string) => unknown>;
beforeAll(async () => {
	await db.user.count(); // the client loads its compiler on its first query
	compiled = vi.spyOn(PrismaQueryCompiler.prototype, 'compile');
});
beforeEach(() => {
	compiled.mockClear();
});
afterAll(async () => {
	await db.$disconnect();
	await removeDataDir(dataDir);
});

const byEmail = (email: string) => db.user.findUnique({ where: { email }, select: { name: true } });

it('compiles a query once, and a kept plan still reads the rows as they are now', async () => {
	expect(await byEmail('kept@plans.test')).toBeNull();
	await db.user.create({
		data: { email: 'kept@plans.test', name: 'Kept Plan', passwordHash: 'not-used' }
	});
	expect(await byEmail('kept@plans.test')).toEqual({ name: 'Kept Plan' });
	await db.user.update({ where: { email: 'kept@plans.test' }, data: { name: 'Renamed' } });
	expect(await byEmail('kept@plans.test')).toEqual({ name: 'Renamed' });

	// The three reads are one query: compiled once. The create and the update are one each.
	expect(compiled).toHaveBeenCalledTimes(3);
	// Another value is another query.
	expect(await byEmail('other@plans.test')).toBeNull();
	expect(compiled).toHaveBeenCalledTimes(4);
});

it('makes a fresh id and time for each create through the same plan', async () => {
	const make = () =>
		db.user.create({
			data: { email: 'same@plans.test', name: 'Same', passwordHash: 'not-used' },
			select: { id: true, createdAt: true }
		});
	const first = await make();
	await db.user.delete({ where: { id: first.id } });
	const second = await make();
	expect(second.id).not.toBe(first.id);
	expect(second.createdAt.getTime()).toBeGreaterThanOrEqual(first.createdAt.getTime());
	expect(compiled.mock.calls.filter(([query]) => query.includes('createOne'))).toHaveLength(1);
});

it('compiles a query that carries data every time, and does not keep it', async () => {
	const name = 'x'.repeat(LONGEST_KEPT_QUERY);
	const long = () => db.user.findFirst({ where: { name }, select: { id: true } });
	await long();
	await long();
	expect(compiled).toHaveBeenCalledTimes(2);
});

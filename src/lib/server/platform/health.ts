// Whether this process can serve: the database answers a trivial query.
import { db } from './db.ts';

export async function databaseAnswers(): Promise<boolean> {
	try {
		await db().$queryRaw`SELECT 1`;
		return true;
	} catch {
		return false;
	}
}

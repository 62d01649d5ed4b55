// Secrets the whole service shares (the device cookie's signing key): made once, kept in the database, so
// every instance signs and checks with the same one and a restart keeps it. Read once per process.
import { randomBytes } from 'node:crypto';
import { db } from './db.ts';

const known = new Map<string, Promise<Buffer>>();

async function readOrMake(name: string): Promise<Buffer> {
	// Whoever inserts first wins; everyone then reads that one.
	await db().serverSecret.createMany({
		data: [{ name, value: new Uint8Array(randomBytes(32)) }],
		skipDuplicates: true
	});
	const row = await db().serverSecret.findUniqueOrThrow({ where: { name } });
	return Buffer.from(row.value);
}

/** The 32-byte secret called `name`. */
export function serverSecret(name: string): Promise<Buffer> {
	let secret = known.get(name);
	if (!secret) {
		secret = readOrMake(name);
		known.set(name, secret);
		// A failed read is not remembered: the next call asks again.
		secret.catch(() => known.delete(name));
	}
	return secret;
}

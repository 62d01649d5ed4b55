// Password hashing with argon2id, and the rule for what a password must be.
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 12;

export const Password = z
	.string({ error: 'Enter a password' })
	.min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
	.max(256, 'Password must be 256 characters or fewer');

// OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** Verifying against this when no account exists keeps the timing of a miss the same as a wrong password. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
	decoy ??= hashPassword('not-a-real-password-' + Math.random());
	return decoy;
}

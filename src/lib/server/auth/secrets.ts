// Random secrets and their hashes, shared by sessions, access tokens and invitations.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { timingSafeEqual, getRandomValues } from 'node:crypto';

/** 120 bits of randomness in base32: enough that guessing one is hopeless. */
export function randomSecret(): string {
	const bytes = new Uint8Array(15);
	getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export function hashSecretHex(secret: string): string {
	return encodeHexLowerCase(hashSecret(secret));
}

export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
	return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/** Splits an `id.secret` token; returns null for anything else. */
export function splitToken(token: string, prefix = ''): { id: string; secret: string } | null {
	if (!token.startsWith(prefix)) return null;
	const parts = token.slice(prefix.length).split('.');
	if (
		parts.length !== 2 ||
		!/^[a-z0-9]{1,64}$/.test(parts[0]) ||
		!/^[a-z0-9]{1,64}$/.test(parts[1])
	)
		return null;
	return { id: parts[0], secret: parts[1] };
}

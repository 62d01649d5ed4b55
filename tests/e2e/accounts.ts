// The demo accounts the browser tests sign in as (seed/demo.ts), and where each one's signed-in state is kept.
import { resolve } from 'node:path';
import { SIGNED_IN_DIR } from '../support/paths.ts';

export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_EMAILS = [
	'admin@demo.example',
	'officer@demo.example',
	'chair@demo.example',
	'nhs@demo.example',
	'police@demo.example',
	'tsi@demo.example',
	'community@demo.example',
	'reviewer@demo.example',
	'researcher@demo.example'
] as const;

export function signedInStateFile(email: string): string {
	return resolve(SIGNED_IN_DIR, `${email}.json`);
}

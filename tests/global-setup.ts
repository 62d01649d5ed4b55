// Before any test: a migrated template database that each test file copies, and a built app to serve.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { TEMPLATE_DIR } from './support/paths.ts';

export default function setup(): void {
	if (!existsSync('build/handler.js'))
		throw new Error('The app is not built: run `npm run build` (npm test does it for you).');
	rmSync(TEMPLATE_DIR, { recursive: true, force: true });
	mkdirSync(TEMPLATE_DIR, { recursive: true });
	execFileSync('npm', ['run', '--silent', 'db:migrate'], {
		env: { ...process.env, DATA_DIR: TEMPLATE_DIR, DATABASE_URL: '' },
		stdio: 'pipe'
	});
}

// The demo partnership at start-up: loaded only into an empty database, in development or when asked
// for (--demo). seed/ is imported here, lazily, and only then: a production start without --demo never
// loads it.
import { db } from '../../src/lib/server/platform/index.ts';
import { DEMO_FINISHED, DEMO_STARTED } from './demo-markers.ts';

/** Who to sign in as, printed once the server listens. */
export interface DemoSignIn {
	email: string;
	password: string;
}

/** True when nothing has been stored yet: the only case in which demo data may be loaded. */
export async function databaseIsEmpty(): Promise<boolean> {
	const [users, partnerships] = await Promise.all([db().user.count(), db().partnership.count()]);
	return users === 0 && partnerships === 0;
}

/** Whether an earlier start began loading the demo and never finished. */
export async function demoHalfLoaded(): Promise<boolean> {
	const [started, finished] = await Promise.all([
		db().auditEvent.count({ where: { action: DEMO_STARTED } }),
		db().auditEvent.count({ where: { action: DEMO_FINISHED } })
	]);
	return started > 0 && finished === 0;
}

/** Loads the demo into an empty database (unless `load` is false); says who to sign in as. */
export async function prepareDemo(load: boolean): Promise<{ loaded: boolean; signIn: DemoSignIn }> {
	const demo = await import('../../seed/demo.ts');
	const signIn = { email: demo.DEMO_ACCOUNTS.admin, password: demo.DEMO_PASSWORD };
	if (!load || !(await databaseIsEmpty())) return { loaded: false, signIn };
	await demo.seedDemo();
	return { loaded: true, signIn };
}

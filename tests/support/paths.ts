import { resolve } from 'node:path';

export const TMP_DIR = resolve('tests/.tmp');
/** The browser tests' data folder with the demo loaded once, which every spec file's server copies. */
export const DEMO_TEMPLATE_DIR = resolve(TMP_DIR, 'demo-template');
/** Each demo account's signed-in browser state (its session cookie in the demo template), by email. */
export const SIGNED_IN_DIR = resolve(TMP_DIR, 'signed-in');

import { resolve } from 'node:path';

export const TMP_DIR = resolve('tests/.tmp');
export const TEMPLATE_DIR = resolve(TMP_DIR, 'template');
export const TEMPLATE_DB = resolve(TEMPLATE_DIR, 'workspace.db');

// `npm run copy-from-sqlite -- <workspace.db> [--files <folder>] [--key <device-cookie.key>]`: copies
// the record the previous version kept in SQLite into the PostgreSQL database `npm start` would use
// (DATABASE_URL, or the embedded server in DATA_DIR/postgres, started and migrated here and stopped after),
// in one transaction, checked before it commits (server/postgres/copy-from-sqlite.ts). docs/UPGRADING.md
// tells the whole upgrade. Exits 0 when copied; 1 when refused or failed, having changed nothing; 2 on bad
// usage.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, disconnect, loadConfig, pool } from '../src/lib/server/platform/index.ts';
import {
	CopyFailed,
	CopyRefused,
	copyFromSqlite,
	formatReport
} from '../server/postgres/copy-from-sqlite.ts';
import { UnreadableSqlite } from '../server/postgres/sqlite-file.ts';
import { openDatabase, type Database } from '../server/start/database.ts';

const USAGE = `Usage: npm run copy-from-sqlite -- <path to workspace.db> [--files <folder>] [--key <file>]

Copies everything the previous version kept (its SQLite database, uploaded files and device-cookie key)
into the PostgreSQL database this version uses: DATABASE_URL if set, otherwise the embedded one in
DATA_DIR/postgres (default ./data/postgres). The target must hold no partnership and no user yet.

  --files <folder>  the uploaded files (default: the "files" folder beside the .db file)
  --key <file>      the device-cookie key (default: "device-cookie.key" beside the .db file)`;

function usage(problem?: string): never {
	if (problem) console.error(`${problem}\n`);
	console.error(USAGE);
	process.exit(2);
}

function readArgs() {
	try {
		return parseArgs({
			options: { files: { type: 'string' }, key: { type: 'string' }, help: { type: 'boolean' } },
			allowPositionals: true
		});
	} catch (error) {
		usage((error as Error).message);
	}
}
const args = readArgs();
if (args.values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (args.positionals.length !== 1) usage('Name the SQLite file to copy from (one).');

const database = resolve(args.positionals[0]);
if (!existsSync(database)) {
	console.error(`There is no file at ${database}. Name the old version's workspace.db.`);
	process.exit(1);
}
const beside = dirname(database);
const source = {
	database,
	files: resolve(args.values.files ?? join(beside, 'files')),
	filesRequired: args.values.files !== undefined,
	key: resolve(args.values.key ?? join(beside, 'device-cookie.key')),
	keyRequired: args.values.key !== undefined
};

// The start-up's information lines (migrations applied) would only crowd the report.
process.env.LOG_LEVEL ||= 'warn';
let config;
try {
	config = loadConfig();
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}

let target: Database | undefined;
let status = 0;
try {
	console.log('Opening the target database (and migrating it if it is new)…');
	target = await openDatabase(config, { migrate: true });
	console.log(`Target: ${target.description}`);
	const report = await copyFromSqlite(pool(), source, (line) => console.log(`${line}…`));
	console.log(`\n${formatReport(report, target.description)}`);
	if (config.filesDir)
		console.log(
			`\nFILES_DIR is set (${config.filesDir}): this version will read uploaded files from that folder, ` +
				`not from the database. Copy the files from ${source.files} into it too.`
		);
	console.log(
		'\nDone. Start the app as usual (npm start); keep the old data folder until you are satisfied.'
	);
} catch (error) {
	status = 1;
	if (error instanceof CopyRefused) console.error(`\nRefused: ${error.message}`);
	else if (error instanceof CopyFailed || error instanceof UnreadableSqlite)
		console.error(`\nThe copy failed; nothing was changed.\n${error.message}`);
	else {
		console.error('\nThe copy failed; nothing was changed.');
		console.error(error);
	}
} finally {
	await disconnect();
	await target?.stop();
}
process.exit(status);

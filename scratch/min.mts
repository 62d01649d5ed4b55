import { db } from '../src/lib/server/db.ts';
console.log((await db().minutesVersion.findFirst())?.text);
process.exit(0);

import { db } from '../src/lib/server/db.ts';
const ms = await db().meeting.findMany({ select: { id: true, title: true, status: true, startsAt: true, agendaIssuedAt: true, startedAt: true, closedAt: true } });
console.log(ms);
console.log(await db().decisionVersion.findMany({ select: { version: true, wording: true, method: true, votesFor: true, recordedAt: true, commitments: true } }));
console.log(await db().contribution.count(), await db().challenge.count(), await db().action.findMany({ select: { text: true, status: true, dueOn: true } }));
console.log((await db().minutesVersion.findFirst())?.text.slice(0, 1500));
process.exit(0);

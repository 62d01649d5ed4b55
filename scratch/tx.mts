import { db, transaction } from '../src/lib/server/db.ts';
console.log(await db().$queryRawUnsafe('PRAGMA journal_mode'), await db().$queryRawUnsafe('PRAGMA synchronous'));
let t = performance.now();
for (let i = 0; i < 50; i++) await transaction(async (tx) => { await tx.auditEvent.create({ data: { action: 'x', entity: 'x', entityId: 'x', detail: '{}' } }); });
console.log('50 tx', Math.round(performance.now() - t));
t = performance.now();
for (let i = 0; i < 200; i++) await db().user.findFirst({ where: { email: 'chair@demo.example' } });
console.log('200 reads', Math.round(performance.now() - t));
process.exit(0);

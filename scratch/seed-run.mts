import { seedDemo } from '../src/lib/server/demo.ts';
const t = Date.now();
const c = process.cpuUsage();
await seedDemo();
const u = process.cpuUsage(c);
console.log('seed ms', Date.now() - t, 'cpu ms', Math.round((u.user + u.system) / 1000));
process.exit(0);

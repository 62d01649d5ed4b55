import { hashPassword } from '../src/lib/server/auth/passwords.ts';
let t = Date.now();
await hashPassword('x');
console.log('hash', Date.now() - t);

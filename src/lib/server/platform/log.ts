// Structured JSON logs for the whole process; request handlers log through a child carrying the request id.
import pino from 'pino';
import { loadConfig } from './config.ts';

export const log = pino({
	level: loadConfig().logLevel,
	base: { service: 'partnership-workspace' },
	redact: ['password', '*.password', 'token', '*.token', 'headers.cookie', 'headers.authorization']
});

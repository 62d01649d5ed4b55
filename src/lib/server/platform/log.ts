// Structured JSON logs for the whole process; request handlers log through a child carrying the request id.
// The logger is made on first use, not on import, so that importing the platform reads no configuration
// (tests and tools set theirs first).
import pino, { type Logger } from 'pino';
import { loadConfig } from './config.ts';

let logger: Logger | undefined;

function current(): Logger {
	logger ??= pino({
		level: loadConfig().logLevel,
		base: { service: 'partnership-workspace' },
		redact: [
			'password',
			'*.password',
			'token',
			'*.token',
			'headers.cookie',
			'headers.authorization'
		]
	});
	return logger;
}

export const log: Logger = new Proxy({} as Logger, {
	get(_, key) {
		const target = current();
		const value = Reflect.get(target, key, target);
		return typeof value === 'function' ? value.bind(target) : value;
	}
});

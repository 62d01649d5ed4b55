import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/lib/server/platform/index.ts';

function problems(env: Record<string, string>): string[] {
	try {
		parseConfig(env);
	} catch (error) {
		if (error instanceof ConfigError) return error.problems;
		throw error;
	}
	return [];
}

describe('configuration from the environment', () => {
	it('has defaults a newcomer can run with', () => {
		const config = parseConfig({});
		expect(config.port).toBe(3000);
		expect(config.databaseUrl).toMatch(/^file:.*data\/workspace\.db$/);
		expect(config.production).toBe(false);
	});

	it('lets PORT override the port and DATA_DIR the folder of the database', () => {
		const config = parseConfig({ PORT: '8080', DATA_DIR: '/srv/cpp' });
		expect(config.port).toBe(8080);
		expect(config.databaseUrl).toBe('file:/srv/cpp/workspace.db');
	});

	it('names every bad variable with a message that says what is wanted', () => {
		const found = problems({
			PORT: 'eighty',
			ORIGIN: 'board.example',
			NODE_ENV: 'staging',
			LOG_LEVEL: 'loud',
			DATABASE_URL: 'mysql://x'
		});
		expect(found).toHaveLength(5);
		expect(found.join('\n')).toMatch(/PORT: PORT must be a whole number from 0 to 65535/);
		expect(found.join('\n')).toMatch(/ORIGIN: ORIGIN must be the full address/);
		expect(found.join('\n')).toMatch(/NODE_ENV: NODE_ENV must be development, production or test/);
		expect(found.join('\n')).toMatch(/LOG_LEVEL: LOG_LEVEL must be one of/);
		expect(found.join('\n')).toMatch(/DATABASE_URL: DATABASE_URL must be a SQLite file URL/);
	});

	it('refuses a port out of range', () => {
		expect(problems({ PORT: '70000' })).toEqual([
			'PORT: PORT must be a whole number from 0 to 65535'
		]);
	});

	it('treats a blank variable as unset', () => {
		expect(parseConfig({ PORT: '', ORIGIN: '' }).port).toBe(3000);
	});

	it('is quiet in tests and informative otherwise', () => {
		expect(parseConfig({ NODE_ENV: 'test' }).logLevel).toBe('warn');
		expect(parseConfig({ NODE_ENV: 'production' }).logLevel).toBe('info');
	});
});

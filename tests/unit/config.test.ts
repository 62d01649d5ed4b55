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
		// No database address: the start-up runs an embedded PostgreSQL in the data folder.
		expect(config.databaseUrl).toBeUndefined();
		expect(config.dataDir).toMatch(/\/data$/);
		expect(config.production).toBe(false);
	});

	it('lets PORT override the port, DATA_DIR the data folder and DATABASE_URL the database', () => {
		const config = parseConfig({
			PORT: '8080',
			DATA_DIR: '/srv/cpp',
			DATABASE_URL: 'postgres://workspace@db.example.org:5433/cpp'
		});
		expect(config.port).toBe(8080);
		expect(config.dataDir).toBe('/srv/cpp');
		expect(config.databaseUrl).toBe('postgres://workspace@db.example.org:5433/cpp');
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
		expect(found.join('\n')).toMatch(/DATABASE_URL: DATABASE_URL must be a PostgreSQL address/);
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

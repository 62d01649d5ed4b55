// The process's configuration: read once from environment variables and validated, so a bad value stops
// the start with a message that names the variable instead of failing later somewhere else.
import { resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const Environment = z.object({
	PORT: z.coerce
		.number({ error: 'PORT must be a whole number from 0 to 65535' })
		.int('PORT must be a whole number from 0 to 65535')
		.min(0, 'PORT must be a whole number from 0 to 65535')
		.max(65535, 'PORT must be a whole number from 0 to 65535')
		.default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	DATA_DIR: z.string().min(1, 'DATA_DIR must name a folder').default('data'),
	FILES_DIR: z.string().min(1, 'FILES_DIR must name a folder').optional(),
	REDIS_URL: z
		.string()
		.regex(
			/^rediss?:\/\/.+/,
			'REDIS_URL must be a Redis address such as redis://cache.example.org:6379'
		)
		.optional(),
	DATABASE_URL: z
		.string()
		.regex(
			/^postgres(ql)?:\/\/.+/,
			'DATABASE_URL must be a PostgreSQL address such as postgres://workspace@db.example.org/workspace'
		)
		.optional(),
	ORIGIN: z
		.url({ error: 'ORIGIN must be the full address people use, such as https://board.example.org' })
		.optional(),
	NODE_ENV: z
		.enum(['development', 'production', 'test'], {
			error: 'NODE_ENV must be development, production or test'
		})
		.default('development'),
	LOG_LEVEL: z
		.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
		.optional(),
	QUERY_COUNT: z.enum(['0', '1'], { error: 'QUERY_COUNT must be 0 or 1' }).optional(),
	SMTP_URL: z
		.string()
		.regex(
			/^smtps?:\/\/.+/,
			'SMTP_URL must be a mail server address such as smtps://user:password@mail.example.org:465'
		)
		.optional(),
	MAIL_FROM: z.string().min(3, 'MAIL_FROM must be an email address').optional(),
	MAIL_POLL_MS: z.coerce
		.number({ error: 'MAIL_POLL_MS must be a whole number of milliseconds' })
		.int()
		.min(10)
		.default(2000),
	MAIL_RETRY_BASE_MS: z.coerce
		.number({ error: 'MAIL_RETRY_BASE_MS must be a whole number of milliseconds' })
		.int()
		.min(1)
		.default(60_000)
});

export interface Config {
	port: number;
	host: string;
	dataDir: string;
	/** The operator's PostgreSQL; without one, the start-up runs an embedded server in the data folder. */
	databaseUrl?: string;
	/** Uploaded files in this folder (shared by every instance) instead of the database. */
	filesDir?: string;
	/** Redis, through which several instances share live changes, rate limits and connection caps. */
	redisUrl?: string;
	origin?: string;
	production: boolean;
	nodeEnv: 'development' | 'production' | 'test';
	logLevel: (typeof LOG_LEVELS)[number];
	/** Each answer says how many database queries it took (`x-db-queries`), for the query-count test. */
	countQueries: boolean;
	/** Where email is sent; without it, email stays in the outbox (read by admins, listed in the log). */
	smtpUrl?: string;
	mailFrom?: string;
	/** How often the sender loop looks for mail due. */
	mailPollMs: number;
	/** The first retry's wait; each further failure doubles it (up to a day). */
	mailRetryBaseMs: number;
}

export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`The configuration has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
	}
}

/** Validates the environment; throws a ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
	const parsed = Environment.safeParse(blankless);
	if (!parsed.success) {
		throw new ConfigError(
			parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
		);
	}
	const e = parsed.data;
	const dataDir = resolve(e.DATA_DIR);
	return {
		port: e.PORT,
		host: e.HOST,
		dataDir,
		databaseUrl: e.DATABASE_URL,
		filesDir: e.FILES_DIR && resolve(e.FILES_DIR),
		redisUrl: e.REDIS_URL,
		origin: e.ORIGIN,
		production: e.NODE_ENV === 'production',
		nodeEnv: e.NODE_ENV,
		logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'warn' : 'info'),
		countQueries: e.QUERY_COUNT === '1',
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		mailPollMs: e.MAIL_POLL_MS,
		mailRetryBaseMs: e.MAIL_RETRY_BASE_MS
	};
}

let current: Config | undefined;

/** The configuration of this process, validated on first use. */
export function loadConfig(): Config {
	current ??= parseConfig(process.env);
	return current;
}

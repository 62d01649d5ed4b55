// Sign-in attempt counters in Redis, so guesses spread across instances add up. Each counter is a sorted
// set of failure times; a Lua script checks and counts in one step (Redis runs a script alone), as the
// in-process counters do, so a burst of parallel guesses sent to several instances cannot all pass before
// any is counted. Keys expire once their newest failure leaves the window.
import { randomBytes } from 'node:crypto';
import {
	WINDOW_MS,
	type AttemptCounters,
	type Counted,
	type Counter
} from '../../src/lib/server/auth/index.ts';
import type { RedisLink } from './link.ts';

const PREFIX = 'workspace:attempts:';

/**
 * KEYS: the counters. ARGV: now, the window, each counter's limit, then the new failure's member.
 * Returns {0, oldest failure} when a counter is full, else {1, failures under the first before this one}.
 */
const COUNT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
for i, key in ipairs(KEYS) do
	redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
	if redis.call('ZCARD', key) >= tonumber(ARGV[2 + i]) then
		local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
		return {0, tonumber(oldest[2])}
	end
end
local earlier = redis.call('ZCARD', KEYS[1])
local member = ARGV[3 + #KEYS]
for _, key in ipairs(KEYS) do
	redis.call('ZADD', key, now, member)
	redis.call('PEXPIRE', key, window)
end
return {1, earlier}
`;

/** KEYS: the counters; ARGV: the attempt's time. Forgets the first; removes one mark at that time from the rest. */
const TAKE_BACK = `
redis.call('DEL', KEYS[1])
for i = 2, #KEYS do
	local marked = redis.call('ZRANGEBYSCORE', KEYS[i], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
	if #marked > 0 then redis.call('ZREM', KEYS[i], marked[1]) end
end
return 1
`;

export class RedisAttemptCounters implements AttemptCounters {
	constructor(private readonly link: RedisLink) {}

	async count(counters: Counter[], now: number): Promise<Counted> {
		const member = `${now}:${randomBytes(6).toString('hex')}`;
		const [counted, value] = (await this.link.commands.eval(
			COUNT,
			counters.length,
			...counters.map((c) => PREFIX + c.key),
			now,
			WINDOW_MS,
			...counters.map((c) => c.limit),
			member
		)) as [number, number];
		if (counted) return { refused: false, earlier: value };
		return {
			refused: true,
			retryAfterSeconds: Math.max(1, Math.ceil((value + WINDOW_MS - now) / 1000))
		};
	}

	async takeBack(counters: Counter[], at: number): Promise<void> {
		await this.link.commands.eval(
			TAKE_BACK,
			counters.length,
			...counters.map((c) => PREFIX + c.key),
			at
		);
	}
}

// Connection caps across instances. Each place held is a member of a sorted set per key, scored with
// when it lapses; the instance holding it renews its places every few seconds, so the places of an
// instance that died (SIGKILL, a lost machine) lapse within PLACE_TTL_MS instead of counting forever.
// Taking a place is one Lua script: lapsed places dropped, the count checked, the place added.
import { randomBytes } from 'node:crypto';
import type { ConnectionCaps, Place } from '../../src/lib/server/platform/index.ts';
import type { RedisLink } from './link.ts';

const PREFIX = 'workspace:caps:';
const PLACE_TTL_MS = 30_000;
const RENEW_EVERY_MS = 10_000;

/** KEYS[1]: the cap. ARGV: now, limit, member, lapses at. Returns 1 when the place was taken. */
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ${PLACE_TTL_MS})
return 1
`;

export class RedisConnectionCaps implements ConnectionCaps {
	#held = new Map<string, { key: string; member: string }>();
	#renewal: NodeJS.Timeout;

	constructor(private readonly link: RedisLink) {
		this.#renewal = setInterval(() => void this.#renew(), RENEW_EVERY_MS);
		this.#renewal.unref();
	}

	async take(key: string, limit: number): Promise<Place | null> {
		const member = `${this.link.instanceId.toString('hex')}:${randomBytes(6).toString('hex')}`;
		const now = Date.now();
		const taken = await this.link.commands.eval(
			TAKE,
			1,
			PREFIX + key,
			now,
			limit,
			member,
			now + PLACE_TTL_MS
		);
		if (!taken) return null;
		this.#held.set(member, { key: PREFIX + key, member });
		return {
			release: () => {
				if (!this.#held.delete(member)) return;
				this.link.commands.zrem(PREFIX + key, member).catch(() => undefined);
			}
		};
	}

	async #renew(): Promise<void> {
		if (this.#held.size === 0) return;
		const pipeline = this.link.commands.pipeline();
		const lapses = Date.now() + PLACE_TTL_MS;
		for (const { key, member } of this.#held.values()) {
			pipeline.zadd(key, 'XX', lapses, member);
			pipeline.pexpire(key, PLACE_TTL_MS);
		}
		await pipeline.exec().catch(() => undefined);
	}

	close(): void {
		clearInterval(this.#renewal);
	}
}

// This instance's link to Redis, through which several instances behind one address share what used to
// live in one process's memory: live changes to shared documents, meeting events, revocations, sign-in
// attempt counters and connection caps. Two connections: one for commands and publishing, and one
// subscribed to channels (a subscribed Redis connection takes no other commands), whose messages are
// passed to the handlers registered for each channel here.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { log } from '../../src/lib/server/platform/index.ts';

type Handler = (message: Buffer) => void;

export class RedisLink {
	/** Tells this instance's own messages apart from other instances' (16 random bytes). */
	readonly instanceId = randomBytes(16);
	readonly commands: Redis;
	readonly #subscriber: Redis;
	#handlers = new Map<string, Set<Handler>>();

	private constructor(url: string) {
		const options = { lazyConnect: true, maxRetriesPerRequest: 3 };
		this.commands = new Redis(url, options);
		this.#subscriber = new Redis(url, options);
		for (const connection of [this.commands, this.#subscriber])
			connection.on('error', (error) => log.warn({ err: error }, 'redis: connection error'));
		this.#subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
			for (const handler of this.#handlers.get(channel.toString()) ?? []) {
				try {
					handler(message);
				} catch (error) {
					log.error({ err: error, channel: channel.toString() }, 'redis: a handler failed');
				}
			}
		});
	}

	/** Connects both connections; throws if Redis cannot be reached. */
	static async connect(url: string): Promise<RedisLink> {
		const link = new RedisLink(url);
		await Promise.all([link.commands.connect(), link.#subscriber.connect()]);
		return link;
	}

	/** Calls `handler` with each message on `channel`; resolves once subscribed. Gives the unsubscribe. */
	async subscribe(channel: string, handler: Handler): Promise<() => void> {
		let handlers = this.#handlers.get(channel);
		if (!handlers) {
			handlers = new Set();
			this.#handlers.set(channel, handlers);
		}
		handlers.add(handler);
		if (handlers.size === 1) await this.#subscriber.subscribe(channel);
		return () => {
			if (!handlers.delete(handler) || handlers.size > 0) return;
			this.#handlers.delete(channel);
			this.#subscriber.unsubscribe(channel).catch(() => undefined);
		};
	}

	publish(channel: string, message: Buffer | string): void {
		this.commands.publish(channel, message).catch((error: unknown) => {
			log.error({ err: error, channel }, 'redis: a message could not be published');
		});
	}

	/** A message with this instance's id in front, so each instance can skip its own. */
	stamped(body: Buffer): Buffer {
		return Buffer.concat([this.instanceId, body]);
	}

	/** The body of another instance's message, or null for this instance's own. */
	fromOthers(message: Buffer): Buffer | null {
		const from = message.subarray(0, this.instanceId.length);
		return from.equals(this.instanceId) ? null : message.subarray(this.instanceId.length);
	}

	async close(): Promise<void> {
		this.#handlers.clear();
		await Promise.allSettled([this.#subscriber.quit(), this.commands.quit()]);
	}
}

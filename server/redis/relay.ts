// Shared documents across instances: each stored update and each presence change made on one instance is
// published on the document's Redis channel; every instance holding the document applies it and sends it
// to its own connections (room.ts). A message is the sender's id, one byte of kind, the update's number
// in the log (8 bytes, 0 for presence) and the Yjs payload. Redis pub/sub delivers to whoever listens at
// the time: a room listens before it loads the document, so what was stored before is in what it loads
// and what is stored after reaches it here (applying an update twice changes nothing in Yjs).
import type { Relay, Relayed } from '../sync/stages/fan-out.ts';
import type { RedisLink } from './link.ts';

const KIND = { update: 0, awareness: 1 } as const;

function channel(docName: string): string {
	return `workspace:sync:${docName}`;
}

function encode(change: Relayed): Buffer {
	const head = Buffer.alloc(9);
	head.writeUInt8(KIND[change.kind], 0);
	head.writeBigUInt64BE(BigInt(change.kind === 'update' ? change.seq : 0), 1);
	return Buffer.concat([head, change.data]);
}

function decode(body: Buffer): Relayed | null {
	if (body.length < 9) return null;
	const kind = body.readUInt8(0);
	const data = new Uint8Array(body.subarray(9));
	if (kind === KIND.update) return { kind: 'update', seq: Number(body.readBigUInt64BE(1)), data };
	if (kind === KIND.awareness) return { kind: 'awareness', data };
	return null;
}

export function redisRelay(link: RedisLink): Relay {
	return {
		shared: true,
		listen: (docName, deliver) =>
			link.subscribe(channel(docName), (message) => {
				const body = link.fromOthers(message);
				const change = body && decode(body);
				if (change) deliver(change);
			}),
		publish(docName, change) {
			link.publish(channel(docName), link.stamped(encode(change)));
		}
	};
}

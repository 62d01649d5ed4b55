import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeFrame } from '../../server/sync/connection.ts';
import { authorise } from '../../server/sync/stages/apply.ts';
import { MAX_AWARENESS_PER_CONNECTION, MAX_FRAME_BYTES } from '../../server/sync/limits.ts';
import { admitPresence, stampPresence } from '../../server/sync/presence.ts';
import {
	MalformedFrame,
	decodeMessage,
	encodeAwareness,
	encodeAwarenessPayload,
	encodeSyncStep1,
	encodeUpdate
} from '../../server/sync/protocol.ts';
import { rebuild } from '../../server/sync/stages/load.ts';

function codeOf(frame: Uint8Array): number | undefined {
	try {
		decodeMessage(frame);
		return undefined;
	} catch (error) {
		return error instanceof MalformedFrame ? error.code : -1;
	}
}

describe('decoding frames', () => {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, 'hello');
	const update = Y.encodeStateAsUpdate(doc);

	it('reads what the stock client sends', () => {
		expect(decodeMessage(encodeSyncStep1(Y.encodeStateVector(doc))).kind).toBe('sync-step1');
		expect(decodeMessage(encodeUpdate(update))).toEqual({ kind: 'sync-update', update });
		const presence = encodeAwarenessPayload([{ clientId: 7, clock: 1, state: '{"a":1}' }]);
		expect(decodeMessage(encodeAwareness(presence))).toEqual({
			kind: 'awareness',
			entries: [{ clientId: 7, clock: 1, state: '{"a":1}' }]
		});
		expect(decodeMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
	});

	it('refuses truncated, padded, unknown and oversized-length frames with 1007 or 1003', () => {
		const frame = encodeUpdate(update);
		expect(codeOf(frame.slice(0, frame.length - 2))).toBe(1007);
		expect(codeOf(Uint8Array.from([...frame, 0]))).toBe(1007);
		expect(codeOf(new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1]))).toBe(
			1007
		);
		expect(codeOf(new Uint8Array([0, 2, 3, 1, 2, 3]))).toBe(1007);
		expect(codeOf(new Uint8Array([1, 4, 1, 1, 1, 0x7b]))).toBe(1007);
		expect(codeOf(new Uint8Array([2, 0]))).toBe(1003);
		expect(codeOf(new Uint8Array([0, 5, 0]))).toBe(1003);
		expect(codeOf(new Uint8Array([]))).toBe(1007);
	});

	it('refuses text frames and frames over the limit', () => {
		expect(() => decodeFrame(Buffer.from('hi'), false)).toThrow(MalformedFrame);
		const big = Buffer.alloc(MAX_FRAME_BYTES + 1);
		try {
			decodeFrame(big, true);
		} catch (error) {
			expect((error as MalformedFrame).code).toBe(1009);
		}
	});

	it('never throws anything but MalformedFrame on random bytes', () => {
		let seed = 1;
		const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 256;
		for (let i = 0; i < 2000; i++) {
			const frame = Uint8Array.from({ length: 1 + (i % 40) }, next);
			expect(codeOf(frame)).not.toBe(-1);
		}
	});
});

describe('authorising messages', () => {
	it('discards document updates from readers, keeps their presence', () => {
		const update = { kind: 'sync-update', update: new Uint8Array() } as const;
		expect(authorise('read', update)).toBe(false);
		expect(authorise('read', { kind: 'sync-step2', update: new Uint8Array() })).toBe(false);
		expect(authorise('read', { kind: 'awareness', entries: [] })).toBe(true);
		expect(authorise('write', update)).toBe(true);
	});
});

describe('admitting presence', () => {
	const entry = (clientId: number, state = '{}') => ({ clientId, clock: 1, state });

	it("never lets a connection speak for another's client id", () => {
		const other = {};
		const owners = new Map<number, unknown>([[1, other]]);
		expect(admitPresence([entry(1), entry(2)], 'me', { owners, states: 1 })).toEqual([entry(2)]);
	});

	it('caps the client ids one connection may introduce', () => {
		const many = Array.from({ length: 10 }, (_, i) => entry(i));
		expect(admitPresence(many, 'me', { owners: new Map(), states: 0 })).toHaveLength(
			MAX_AWARENESS_PER_CONNECTION
		);
	});
});

describe('stamping presence', () => {
	const identity = { name: 'Robin Example', organisation: 'Voluntary action' };
	const at = (state: string) => ({ clientId: 7, clock: 3, state });

	it('writes the session’s name and organisation over what the client claimed, keeping the rest', () => {
		const [stamped] = stampPresence(
			[
				at(
					JSON.stringify({
						name: 'Council leader',
						user: { name: 'x' },
						field: 'f',
						colour: '#fff'
					})
				)
			],
			identity
		);
		expect(stamped.clientId).toBe(7);
		expect(JSON.parse(stamped.state)).toEqual({
			name: 'Robin Example',
			organisation: 'Voluntary action',
			user: identity,
			field: 'f',
			colour: '#fff'
		});
	});

	it('lets a departure through and drops states that are not objects', () => {
		expect(stampPresence([at('null')], identity)).toEqual([at('null')]);
		for (const state of ['"a name"', '[1]', '42', 'not json'])
			expect(stampPresence([at(state)], identity)).toEqual([]);
	});
});

describe('rebuilding a document', () => {
	it('applies snapshot then log, and fails on a damaged row instead of answering empty', () => {
		const doc = new Y.Doc();
		doc.getText('t').insert(0, 'one ');
		const snapshot = Y.encodeStateAsUpdate(doc);
		const before = Y.encodeStateVector(doc);
		doc.getText('t').insert(4, 'two');
		const tail = Y.encodeStateAsUpdate(doc, before);
		expect(rebuild(snapshot, [tail]).getText('t').toString()).toBe('one two');
		const e = encoding.createEncoder();
		encoding.writeVarUint(e, 3);
		expect(() => rebuild(snapshot, [encoding.toUint8Array(e)])).toThrow();
	});
});

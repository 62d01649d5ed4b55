// The y-websocket wire protocol as pure functions: bytes in, a checked message out (or MalformedFrame),
// and messages out as bytes. Nothing here touches a document, so each frame can be judged before any
// of it is applied.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CLOSE } from './limits.ts';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export interface AwarenessEntry {
	clientId: number;
	clock: number;
	/** The JSON text of the state; 'null' when the client left. */
	state: string;
}

export type Message =
	| { kind: 'sync-step1'; stateVector: Uint8Array }
	| { kind: 'sync-step2'; update: Uint8Array }
	| { kind: 'sync-update'; update: Uint8Array }
	| { kind: 'awareness'; entries: AwarenessEntry[] }
	| { kind: 'query-awareness' };

/** A frame that is not a message of ours; `code` is the close code to answer it with. */
export class MalformedFrame extends Error {
	constructor(
		message: string,
		readonly code: number = CLOSE.invalidPayload
	) {
		super(message);
	}
}

function parse<T>(what: string, read: () => T): T {
	try {
		return read();
	} catch (error) {
		if (error instanceof MalformedFrame) throw error;
		throw new MalformedFrame(`${what}: ${(error as Error)?.message ?? 'unreadable'}`);
	}
}

function expectEnd(decoder: decoding.Decoder): void {
	if (decoding.hasContent(decoder)) throw new MalformedFrame('trailing bytes after the message');
}

/** Checks that an update is a well-formed Yjs (v1) update, so applying it cannot fail half-way. */
export function checkUpdate(update: Uint8Array): void {
	parse('update', () => Y.decodeUpdate(update));
}

function checkStateVector(stateVector: Uint8Array): void {
	parse('state vector', () => {
		const decoder = decoding.createDecoder(stateVector);
		const clients = decoding.readVarUint(decoder);
		for (let i = 0; i < clients; i++) {
			decoding.readVarUint(decoder);
			decoding.readVarUint(decoder);
		}
		expectEnd(decoder);
	});
}

function decodeAwareness(bytes: Uint8Array): AwarenessEntry[] {
	return parse('awareness', () => {
		const decoder = decoding.createDecoder(bytes);
		const count = decoding.readVarUint(decoder);
		const entries: AwarenessEntry[] = [];
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const state = decoding.readVarString(decoder);
			const value: unknown = JSON.parse(state);
			if (value !== null && typeof value !== 'object') throw new Error('state is not an object');
			entries.push({ clientId, clock, state });
		}
		expectEnd(decoder);
		return entries;
	});
}

/** Decodes and checks one frame. Throws MalformedFrame for anything else. */
export function decodeMessage(frame: Uint8Array): Message {
	const decoder = decoding.createDecoder(frame);
	const type = parse('message type', () => decoding.readVarUint(decoder));
	if (type === MESSAGE_SYNC) {
		const step = parse('sync step', () => decoding.readVarUint(decoder));
		const payload = parse('sync payload', () => decoding.readVarUint8Array(decoder));
		expectEnd(decoder);
		if (step === SYNC_STEP1) {
			checkStateVector(payload);
			return { kind: 'sync-step1', stateVector: payload };
		}
		if (step !== SYNC_STEP2 && step !== SYNC_UPDATE)
			throw new MalformedFrame(`unknown sync step ${step}`, CLOSE.unsupported);
		checkUpdate(payload);
		return { kind: step === SYNC_STEP2 ? 'sync-step2' : 'sync-update', update: payload };
	}
	if (type === MESSAGE_AWARENESS) {
		const payload = parse('awareness payload', () => decoding.readVarUint8Array(decoder));
		expectEnd(decoder);
		return { kind: 'awareness', entries: decodeAwareness(payload) };
	}
	if (type === MESSAGE_QUERY_AWARENESS) {
		expectEnd(decoder);
		return { kind: 'query-awareness' };
	}
	throw new MalformedFrame(`unsupported message type ${type}`, CLOSE.unsupported);
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
	return frame((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, SYNC_STEP1);
		encoding.writeVarUint8Array(e, stateVector);
	});
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
	return frame((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, SYNC_STEP2);
		encoding.writeVarUint8Array(e, update);
	});
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	return frame((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, SYNC_UPDATE);
		encoding.writeVarUint8Array(e, update);
	});
}

/** The awareness payload (without the message type), as y-protocols' applyAwarenessUpdate reads it. */
export function encodeAwarenessPayload(entries: AwarenessEntry[]): Uint8Array {
	return frame((e) => {
		encoding.writeVarUint(e, entries.length);
		for (const entry of entries) {
			encoding.writeVarUint(e, entry.clientId);
			encoding.writeVarUint(e, entry.clock);
			encoding.writeVarString(e, entry.state);
		}
	});
}

export function encodeAwareness(payload: Uint8Array): Uint8Array {
	return frame((e) => {
		encoding.writeVarUint(e, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(e, payload);
	});
}

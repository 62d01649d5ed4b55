// Bridges Yjs types into Svelte's reactivity: reading through these inside a component or $derived
// re-runs it whenever the type (or anything inside it) changes.
import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Yjs type: maps, arrays, texts
type Shared = Y.AbstractType<any>;
const subscribers = new WeakMap<Shared, () => void>();

/** Call before reading a Yjs type in reactive code. */
export function track(type: Shared): void {
	let subscribe = subscribers.get(type);
	if (!subscribe) {
		subscribe = createSubscriber((update) => {
			type.observeDeep(update);
			return () => type.unobserveDeep(update);
		});
		subscribers.set(type, subscribe);
	}
	subscribe();
}

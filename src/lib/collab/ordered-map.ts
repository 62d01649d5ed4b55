// Items kept in a Y.Map by id, each a Y.Map with a numeric `position`: the agenda and the evidence pack
// both order their items this way, so moving one item is one small change that merges cleanly.
import type * as Y from 'yjs';

export const POSITION = 'position';

export interface OrderedEntry {
	id: string;
	item: Y.Map<unknown>;
	position: number;
}

/** A fresh id for an item: the same form as the server's record ids, so rows can be keyed by it. */
export function newItemId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return 'i' + Array.from(bytes, (b) => (b % 36).toString(36)).join('') + Date.now().toString(36);
}

/** Items in order (position, then id so that equal positions still order the same everywhere). */
export function orderedEntries(items: Y.Map<Y.Map<unknown>>): OrderedEntry[] {
	const entries: OrderedEntry[] = [];
	for (const [id, item] of items) {
		const position = item.get(POSITION);
		entries.push({ id, item, position: typeof position === 'number' ? position : 0 });
	}
	return entries.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
}

/** The position for an item added at the end. */
export function nextPosition(items: Y.Map<Y.Map<unknown>>): number {
	return (orderedEntries(items).at(-1)?.position ?? 0) + 1;
}

/**
 * Moves an entry to `index` in the ordered list by giving it a position between its new neighbours, so
 * only that one item changes.
 */
export function moveEntry(items: Y.Map<Y.Map<unknown>>, id: string, index: number): void {
	const others = orderedEntries(items).filter((e) => e.id !== id);
	const moving = items.get(id);
	if (!moving) return;
	const to = Math.max(0, Math.min(index, others.length));
	const before = others[to - 1]?.position;
	const after = others[to]?.position;
	const position =
		before === undefined && after === undefined
			? 1
			: before === undefined
				? after! - 1
				: after === undefined
					? before + 1
					: (before + after) / 2;
	moving.set(POSITION, position);
}

// Binds a text field to a Y.Text both ways. Typing becomes the smallest insert/delete on the Y.Text, so
// two people typing in one field merge character by character; remote changes update the field while
// keeping this person's cursor where it was relative to the text around it.
import type * as Y from 'yjs';

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** The change that turns `before` into `after`, as one splice (common prefix and suffix kept). */
export function diffText(before: string, after: string) {
	let start = 0;
	const shortest = Math.min(before.length, after.length);
	while (start < shortest && before[start] === after[start]) start++;
	let end = 0;
	while (
		end < shortest - start &&
		before[before.length - 1 - end] === after[after.length - 1 - end]
	)
		end++;
	return {
		index: start,
		remove: before.length - start - end,
		insert: after.slice(start, after.length - end)
	};
}

/** Moves a cursor position through a Yjs text delta. */
export function moveThrough(position: number, delta: Y.YTextEvent['delta']): number {
	let at = 0;
	let moved = position;
	for (const op of delta) {
		if (op.retain) at += op.retain;
		else if (typeof op.insert === 'string') {
			if (at <= position) moved += op.insert.length;
			at += op.insert.length;
		} else if (op.delete) {
			if (at < position) moved -= Math.min(op.delete, position - at);
		}
		if (at > position) break;
	}
	return Math.max(0, moved);
}

/** A Svelte action: `<input use:bindText={{ text, change }}>`. */
export function bindText(
	field: TextField,
	params: { text: Y.Text; change: (work: () => void) => void }
) {
	let { text, change } = params;
	let shown = text.toString();
	field.value = shown;

	const onInput = () => {
		const { index, remove, insert } = diffText(shown, field.value);
		shown = field.value;
		change(() => {
			if (remove) text.delete(index, remove);
			if (insert) text.insert(index, insert);
		});
	};
	const onRemote = (event: Y.YTextEvent) => {
		const value = text.toString();
		if (value === field.value) {
			shown = value;
			return;
		}
		const focused = document.activeElement === field;
		const start = field.selectionStart ?? 0;
		const end = field.selectionEnd ?? 0;
		field.value = shown = value;
		if (focused)
			field.setSelectionRange(moveThrough(start, event.delta), moveThrough(end, event.delta));
	};
	field.addEventListener('input', onInput);
	text.observe(onRemote);
	return {
		update(next: { text: Y.Text; change: (work: () => void) => void }) {
			if (next.text !== text) {
				text.unobserve(onRemote);
				text = next.text;
				text.observe(onRemote);
				field.value = shown = text.toString();
			}
			change = next.change;
		},
		destroy() {
			field.removeEventListener('input', onInput);
			text.unobserve(onRemote);
		}
	};
}

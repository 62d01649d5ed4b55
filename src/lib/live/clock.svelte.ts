// A shared ticking clock for timers on live pages: one interval however many timers are shown.
import { createSubscriber } from 'svelte/reactivity';

let now = Date.now();
const subscribe = createSubscriber((update) => {
	const tick = setInterval(() => {
		now = Date.now();
		update();
	}, 1000);
	return () => clearInterval(tick);
});

/** The current time in ms; reading it in reactive code re-runs it every second. */
export function clockNow(): number {
	subscribe();
	return now;
}

/** 75 → "1:15"; 3700 → "1:01:40". */
export function formatDuration(totalSeconds: number): string {
	const s = Math.max(0, Math.floor(totalSeconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const sec = String(s % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

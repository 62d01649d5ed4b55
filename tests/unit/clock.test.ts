import { describe, expect, it } from 'vitest';
import { atTime, now } from '../../src/lib/server/platform/index.ts';

describe('the clock', () => {
	it('answers the real time outside atTime', () => {
		const before = Date.now();
		const at = now().getTime();
		expect(at).toBeGreaterThanOrEqual(before);
		expect(at).toBeLessThanOrEqual(Date.now());
	});

	it('answers the set time inside atTime, across awaits, and real time again after', async () => {
		const past = new Date('2026-01-05T10:15:00Z');
		const seen = await atTime(past, async () => {
			await new Promise((resolve) => setTimeout(resolve, 5));
			return now();
		});
		expect(seen.toISOString()).toBe(past.toISOString());
		expect(now().getTime()).toBeGreaterThan(past.getTime());
	});

	it('keeps concurrent scopes apart', async () => {
		const a = new Date('2026-01-01T00:00:00Z');
		const b = new Date('2026-02-01T00:00:00Z');
		const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
		const [x, y] = await Promise.all([
			atTime(a, async () => (await later(5), now())),
			atTime(b, async () => (await later(1), now()))
		]);
		expect([x.toISOString(), y.toISOString()]).toEqual([a.toISOString(), b.toISOString()]);
	});
});

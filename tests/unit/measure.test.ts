import { expect, it } from 'vitest';
import { measure } from '../../src/lib/text.ts';

it('writes an indicator’s figure with its unit, to two decimals at most', () => {
	expect(measure(22.9, '%')).toBe('22.9%');
	expect(measure(1250.456, 'people')).toBe('1,250.46 people');
	expect(measure(31.5, 'per 1,000')).toBe('31.5 per 1,000');
	expect(measure(-3, '')).toBe('-3');
});

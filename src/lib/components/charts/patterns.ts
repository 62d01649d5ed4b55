// The fills that tell a chart's series apart without colour alone: each series has its own colour AND
// its own texture (solid, stripes, dots, cross-hatch), all dark enough for 3:1 against white (WCAG 1.4.11),
// with a dark outline; charts also label each bar or line directly.

export interface SeriesStyle {
	colour: string;
	/** The pattern drawn over the colour, in white; null for solid. */
	texture: 'stripes' | 'dots' | 'crosshatch' | null;
	/** For lines: the dash and the marker. */
	dash: string;
	marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'ring' | 'box';
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
	{ colour: '#1d3f5e', texture: null, dash: '', marker: 'circle' },
	{ colour: '#00703c', texture: 'stripes', dash: '7 4', marker: 'square' },
	{ colour: '#6f3c97', texture: 'dots', dash: '2 3', marker: 'triangle' },
	{ colour: '#b3261e', texture: 'crosshatch', dash: '10 3 2 3', marker: 'diamond' },
	{ colour: '#484949', texture: 'stripes', dash: '4 4', marker: 'cross' },
	{ colour: '#005a70', texture: 'dots', dash: '1 3', marker: 'ring' },
	{ colour: '#7a4100', texture: 'crosshatch', dash: '12 4', marker: 'box' }
];

export function seriesStyle(index: number): SeriesStyle {
	return SERIES_STYLES[index % SERIES_STYLES.length];
}

/** Whether a marker is drawn as an outline only (the cross, ring and box), so it differs from the solid ones. */
export const hollow = (marker: SeriesStyle['marker']): boolean =>
	marker === 'cross' || marker === 'ring' || marker === 'box';

/** The SVG path of a marker centred on (x, y). */
export function markerPath(marker: SeriesStyle['marker'], x: number, y: number, r = 4.5): string {
	switch (marker) {
		case 'circle':
		case 'ring':
			return `M${x - r},${y} a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0`;
		case 'square':
		case 'box':
			return `M${x - r},${y - r} h${2 * r} v${2 * r} h${-2 * r} Z`;
		case 'triangle':
			return `M${x},${y - r - 1} L${x + r + 1},${y + r} L${x - r - 1},${y + r} Z`;
		case 'diamond':
			return `M${x},${y - r - 1} L${x + r + 1},${y} L${x},${y + r + 1} L${x - r - 1},${y} Z`;
		case 'cross':
			return `M${x - r},${y - r} L${x + r},${y + r} M${x + r},${y - r} L${x - r},${y + r}`;
	}
}

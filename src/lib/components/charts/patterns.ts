// The fills that tell a chart's series apart without colour alone: each series has its own colour AND
// its own texture (solid, stripes, dots, cross-hatch), all dark enough for 3:1 against white (WCAG 1.4.11),
// with a dark outline; charts also label each bar or line directly.

export interface SeriesStyle {
	colour: string;
	/** The pattern drawn over the colour, in white; null for solid. */
	texture: 'stripes' | 'dots' | 'crosshatch' | null;
	/** For lines: the dash and the marker. */
	dash: string;
	marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
	{ colour: '#1d3f5e', texture: null, dash: '', marker: 'circle' },
	{ colour: '#00703c', texture: 'stripes', dash: '7 4', marker: 'square' },
	{ colour: '#6f3c97', texture: 'dots', dash: '2 3', marker: 'triangle' },
	{ colour: '#b3261e', texture: 'crosshatch', dash: '10 3 2 3', marker: 'diamond' },
	{ colour: '#484949', texture: 'stripes', dash: '4 4', marker: 'cross' }
];

export function seriesStyle(index: number): SeriesStyle {
	return SERIES_STYLES[index % SERIES_STYLES.length];
}

/** The SVG path of a marker centred on (x, y). */
export function markerPath(marker: SeriesStyle['marker'], x: number, y: number, r = 4.5): string {
	switch (marker) {
		case 'circle':
			return `M${x - r},${y} a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0`;
		case 'square':
			return `M${x - r},${y - r} h${2 * r} v${2 * r} h${-2 * r} Z`;
		case 'triangle':
			return `M${x},${y - r - 1} L${x + r + 1},${y + r} L${x - r - 1},${y + r} Z`;
		case 'diamond':
			return `M${x},${y - r - 1} L${x + r + 1},${y} L${x},${y + r + 1} L${x - r - 1},${y} Z`;
		case 'cross':
			return `M${x - r},${y - r} L${x + r},${y + r} M${x + r},${y - r} L${x - r},${y + r}`;
	}
}

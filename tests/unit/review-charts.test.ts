// The review's charts as the server renders them: each SVG an image named by its visible caption, with a
// <title> and <desc>; the same figures in the table beside it ("–" for nothing to divide); a CSV link.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Distribution from '../../src/lib/components/charts/Distribution.svelte';
import GroupedBars from '../../src/lib/components/charts/GroupedBars.svelte';
import HeatGrid from '../../src/lib/components/charts/HeatGrid.svelte';
import TrendChart from '../../src/lib/components/charts/TrendChart.svelte';

/** The server's HTML without Svelte's hydration markers. */
const html = (rendered: { body: string }) => rendered.body.replace(/<!--.*?-->/g, '');
const svgOf = (html: string) => html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
const tableOf = (html: string) => html.slice(html.indexOf('<table'), html.indexOf('</table>'));
const cells = (html: string) =>
	[...tableOf(html).matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) =>
		m[1]
			.replace(/<[^>]+>/g, '')
			.replace(/<!--.*?-->/g, '')
			.trim()
	);

function expectNamedImage(html: string, id: string, title: string) {
	expect(html).toMatch(new RegExp(`<figcaption id="${id}-caption"[^>]*>\\s*${title}`));
	const svg = svgOf(html);
	expect(svg).toContain('role="img"');
	expect(svg).toContain(`aria-labelledby="${id}-caption"`);
	expect(svg).toContain(`aria-describedby="${id}-desc"`);
	expect(svg).toContain(`<title>${title}</title>`);
	expect(svg).toMatch(new RegExp(`<desc id="${id}-desc"[^>]*>[^<]*table beside the chart`));
}

describe('GroupedBars', () => {
	const body = html(
		render(GroupedBars, {
			props: {
				id: 'by-sector',
				title: 'Shares by sector',
				rowHeader: 'Sector',
				series: [
					{ label: 'Share of seats', short: 'Seats' },
					{ label: 'Share of time', short: 'Time' }
				],
				rows: [
					{ label: 'Community', values: [0.2, 0.125] },
					{ label: 'Council', values: [0.8, null] }
				],
				csv: '/api/v1/meetings/m1/review/measures.csv?section=participation'
			}
		})
	);

	it('is an image named by its caption', () =>
		expectNamedImage(body, 'by-sector', 'Shares by sector'));

	it('labels each bar with its series and figure, and puts the same figures in the table', () => {
		const svg = svgOf(body);
		for (const label of ['Seats 20%', 'Time 13%', 'Seats 80%', 'Time –'])
			expect(svg).toContain(label);
		expect(cells(body)).toEqual([
			'Sector',
			'Share of seats',
			'Share of time',
			'Community',
			'20%',
			'13%',
			'Council',
			'80%',
			'–'
		]);
	});

	it('gives each series its own texture, not only a colour', () => {
		expect(svgOf(body)).toContain('url(#by-sector-fill-0)');
		expect(svgOf(body)).toContain('url(#by-sector-fill-1)');
		expect(body).toMatch(/<pattern id="by-sector-fill-1"[\s\S]*?stroke="#fff"/);
	});

	it('links the CSV route', () => {
		expect(body).toContain('href="/api/v1/meetings/m1/review/measures.csv?section=participation"');
	});
});

describe('HeatGrid', () => {
	const body = html(
		render(HeatGrid, {
			props: {
				id: 'matrix',
				title: 'Who challenged whom',
				rowHeader: 'Challenger’s sector',
				columnHeader: 'Sector challenged',
				rowLabels: ['Community', 'Council'],
				columnLabels: ['Community', 'Council'],
				counts: [
					[0, 3],
					[1, 0]
				],
				extra: { label: 'No one in particular', values: [2, 0] }
			}
		})
	);

	it('is an image named by its caption, with the count in every cell', () => {
		expectNamedImage(body, 'matrix', 'Who challenged whom');
		expect(svgOf(body)).toMatch(/>3<\/text>/);
		expect(cells(body)).toEqual([
			'Challenger’s sector',
			'Community',
			'Council',
			'No one in particular',
			'Community',
			'0',
			'3',
			'2',
			'Council',
			'1',
			'0',
			'0'
		]);
	});

	it('offers the table as a CSV from the page when there is no route', () => {
		const href = /href="(data:text\/csv[^"]+)"/.exec(body)![1];
		expect(decodeURIComponent(href.split(',').slice(1).join(','))).toContain(
			'Community,0,3,2\r\nCouncil,1,0,0'
		);
	});
});

describe('Distribution', () => {
	it('keeps not applicable apart and leaves levels a category lacks empty', () => {
		const body = html(
			render(Distribution, {
				props: {
					id: 'dqi',
					title: 'Codes per level',
					rowHeader: 'Category',
					columns: ['0', '1', '2', 'N/A'],
					columnNames: ['Level 0', 'Level 1', 'Level 2', 'Not applicable'],
					rows: [{ label: 'Storytelling', counts: [4, 1, null, 2], extra: '–' }],
					lastApart: true,
					extraHeader: 'Mean'
				}
			})
		);
		expectNamedImage(body, 'dqi', 'Codes per level');
		expect(cells(body)).toEqual([
			'Category',
			'Level 0',
			'Level 1',
			'Level 2',
			'Not applicable',
			'Mean',
			'Storytelling',
			'4',
			'1',
			'not a level',
			'2',
			'–'
		]);
		expect(svgOf(body)).toContain('url(#dqi-fill-4)');
	});
});

describe('TrendChart', () => {
	it('draws a line per measure, broken where a meeting has no figure, each meeting linked in the table', () => {
		const body = html(
			render(TrendChart, {
				props: {
					id: 'trend',
					title: 'Answered over time',
					points: [
						{ label: '1 Jan 2026', title: 'January', href: '/r/1' },
						{ label: '1 Feb 2026', title: 'February', href: '/r/2' },
						{ label: '1 Mar 2026', title: 'March', href: '/r/3' }
					],
					series: [{ label: 'Answered', values: [0.5, null, 0.75] }]
				}
			})
		);
		expectNamedImage(body, 'trend', 'Answered over time');
		// One point either side of the gap: no line is drawn through the missing meeting.
		expect(svgOf(body)).not.toMatch(/d="M[\d.]+,[\d.]+ L/);
		expect(tableOf(body)).toContain('href="/r/2"');
		expect(cells(body)).toEqual([
			'Meeting',
			'Answered',
			'1 Jan 2026January',
			'50%',
			'1 Feb 2026February',
			'–',
			'1 Mar 2026March',
			'75%'
		]);
	});
});

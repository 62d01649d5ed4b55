import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import MinutesText from '../../src/lib/components/MinutesText.svelte';

const html = (text: string) =>
	render(MinutesText, { props: { text } })
		.body.replace(/<!--[^>]*-->/g, '')
		.replace(/\s+class="[^"]*"/g, '');

describe('minutes shown on the print and public pages', () => {
	it('shows bold, emphasis, numbered lists and line breaks as such, with no space added', () => {
		const shown = html(
			'## Item\n\nAgreed **unanimously**, *for now*.\nNext line.\n\n3. One\n4. Two\n'
		);
		expect(shown).toContain('<h4>Item</h4>');
		expect(shown).toContain(
			'<p>Agreed <strong>unanimously</strong>, <em>for now</em>.<br/>Next line.</p>'
		);
		expect(shown).toContain('<ol start="3"><li>One</li><li>Two</li></ol>');
	});

	it('keeps markup-looking text as text', () => {
		expect(html('<b>x</b> * y')).toContain('<p>&lt;b>x&lt;/b> * y</p>');
	});
});

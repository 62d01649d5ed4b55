import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/lib/server/decisions/index.ts';
import { draftMinutes, publicPart } from '../../src/lib/server/minutes/index.ts';
import { chair, item, record } from '../support/meeting-record.ts';

describe('drafting the minutes from the record', () => {
	const text = draftMinutes(record);

	it('heads the minutes with the meeting, body, time and place', () => {
		expect(text).toMatch(
			/^# Minutes: Partnership board\n\nBoard, Thursday, 5 March 2026.*14:30, Town hall\./
		);
	});

	it('records attendance: present with organisation, substitutes “X for Y”, apologies, absent', () => {
		expect(text).toContain('Present: Ailsa Chair (Council); Morag Voluntary (Voluntary action)');
		expect(text).toContain(
			'Substitutes: Iain Deputy (Health board) for Ruaridh Health (Health board)'
		);
		expect(text).toContain('Apologies: Ruaridh Health (Health board), substitute Iain Deputy');
		expect(text).toContain('Absent: Absent Person (Police)');
	});

	it('lists declarations per item with what the member did', () => {
		expect(text).toContain(
			'- Item 1, Community transport: Morag Voluntary (Voluntary action): Trustee of a bidder. Withdrew from the item.'
		);
	});

	it('summarises the discussion: who spoke, by type, with the secretariat’s note', () => {
		expect(text).toContain('- Ailsa Chair (Council), proposal: Proposed a two-year pilot.');
		expect(text).toContain('- Iain Deputy (Health board), question.');
	});

	it('records challenges with whom, kind, passage quoted, and responses with status and effect', () => {
		expect(text).toContain(
			'- Iain Deputy (Health board) challenged Council (evidence, on “Transport survey”): The survey missed people without cars.'
		);
		expect(text).toContain('  Quoted: “most residents drive”');
		expect(text).toContain(
			'  Response by Ailsa Chair (Council) (Action agreed; decision amended): A new survey will be run.'
		);
	});

	it('records every decision version: outcome, method, votes, dissent, wording, commitments, ratification', () => {
		expect(text).toMatch(/Version 1, .*: Agreed \(vote: 3 for, 1 against, 0 abstaining\)\./);
		expect(text).toContain('Wording: Fund a pilot.');
		expect(text).toContain('Dissent: Iain Deputy (Health board): Too costly');
		expect(text).toContain('Subject to ratification by Health board.');
		expect(text).toContain(
			'- Health board (Iain Deputy) commits to: Two community nurses for the pilot. Given without delegated authority.'
		);
		// The record's hash is for the decision register and auditors, not a line in the minutes.
		expect(text).not.toContain('abcdef012345');
		expect(text).not.toMatch(/^Record /m);
		expect(text).toMatch(
			/Version 2, .*: Agreed \(consensus\)\.\nWording: Fund a pilot, with a new survey\./
		);
		expect(text.indexOf('Version 1')).toBeLessThan(text.indexOf('Version 2'));
	});

	it('records actions with owner organisation and person, due date and status', () => {
		expect(text).toContain(
			'- Run a new survey. Owner: Council (Ailsa Chair), due 1 May 2026. Open.'
		);
	});

	it('ends what people typed with one full stop, whether or not they typed one', () => {
		const typed = draftMinutes({
			...record,
			items: [
				item({
					title: 'Any other business',
					declarations: [{ person: chair, nature: 'Trustee of the hub.', action: 'REMAINED' }]
				})
			]
		});
		expect(typed).toContain('Trustee of the hub. Remained and took part.');
		expect(typed).not.toContain('..');
	});

	it('puts items taken in private, and declarations on them, after the private business heading', () => {
		const open = publicPart(text);
		expect(open).toContain('Community transport');
		expect(open).not.toContain('Staffing restructure');
		expect(open).not.toContain('Affected post');
		expect(open).not.toContain('Named posts at risk');
		expect(text).toContain('## Private business');
		expect(text.indexOf('## Private business')).toBeLessThan(text.indexOf('Staffing restructure'));
	});

	it('says so when nothing was declared or recorded, and is the same for the same record', () => {
		const empty = draftMinutes({ ...record, items: [item({ title: 'Any other business' })] });
		expect(empty).toContain('None declared.');
		expect(empty).not.toContain('### Discussion');
		expect(empty).not.toContain('## Private business');
		expect(draftMinutes(record)).toBe(text);
	});
});

describe('CSV cells', () => {
	it.each([
		['plain', 'plain'],
		['with, comma', '"with, comma"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['=SUM(A1:A2)', "'=SUM(A1:A2)"],
		['+44 1234', "'+44 1234"],
		['-1', "'-1"],
		['@cmd', "'@cmd"],
		['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`]
	])('%j → %s', (value, cell) => {
		expect(csvCell(value)).toBe(cell);
	});

	it('writes numbers, yes/no and blanks, a header row and CRLF line ends', () => {
		expect(toCsv(['a', 'b', 'c', 'd'], [[1, true, null, -2]])).toBe('a,b,c,d\r\n1,yes,,-2\r\n');
	});
});

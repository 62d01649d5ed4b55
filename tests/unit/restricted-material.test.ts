import { describe, expect, it } from 'vitest';
import {
	maySeePaper,
	paperFor,
	quoteFor,
	RESTRICTED_PAPER,
	SHARED,
	withholdRestricted
} from '../../src/lib/server/access/index.ts';

const reader = (organisationId: string) => ({
	membership: { id: 'm', role: 'MEMBER' as const, organisationId }
});
const restricted = {
	title: 'Patient-level extract',
	summary: 'Admissions by postcode',
	fileName: 'extract.csv',
	confidentiality: 'RESTRICTED',
	allowedOrganisationIds: ['nhs', 'council']
};
const partners = { ...restricted, confidentiality: 'PARTNERS', allowedOrganisationIds: [] };

describe('what a reader may see of a paper', () => {
	it('shows a restricted paper whole only to the organisations named on it', () => {
		expect(paperFor(reader('nhs'), restricted)).toEqual({
			visible: true,
			title: 'Patient-level extract',
			summary: 'Admissions by postcode',
			fileName: 'extract.csv'
		});
		expect(paperFor(reader('police'), restricted)).toEqual({
			visible: false,
			title: RESTRICTED_PAPER,
			summary: '',
			fileName: null
		});
	});

	it('names every restricted paper generically in text others read, whoever writes it', () => {
		expect(paperFor(SHARED, restricted).title).toBe('a paper restricted to named partners');
		expect(quoteFor(SHARED, restricted, 'the cohort doubled')).toBe('');
		expect(paperFor(SHARED, partners).title).toBe('Patient-level extract');
	});

	it('gives a quote only with a paper the reader may see', () => {
		expect(quoteFor(reader('council'), restricted, 'the cohort doubled')).toBe(
			'the cohort doubled'
		);
		expect(quoteFor(reader('police'), restricted, 'the cohort doubled')).toBe('');
		expect(quoteFor(reader('police'), null, 'the cohort doubled')).toBe('');
		expect(quoteFor(reader('police'), partners, 'the cohort doubled')).toBe('the cohort doubled');
	});

	it('treats a malformed list of organisations as naming nobody', () => {
		expect(maySeePaper(reader('nhs'), { ...restricted, allowedOrganisationIds: 'nhs' })).toBe(
			false
		);
		expect(maySeePaper(reader('nhs'), { ...restricted, allowedOrganisationIds: {} })).toBe(false);
	});
});

describe('withholding restricted text written by hand', () => {
	const material = {
		titles: ['Patient-level extract', 'Patient-level extract (revised)', 'Log'],
		passages: ['the cohort doubled', '']
	};

	it('names titles generically, longest first, and leaves passages out', () => {
		expect(
			withholdRestricted(
				'On “Patient-level extract (revised)” and “Patient-level extract”: “the cohort doubled”.',
				material
			)
		).toBe(`On “${RESTRICTED_PAPER}” and “${RESTRICTED_PAPER}”: “[passage withheld]”.`);
	});

	it('leaves short strings alone, as they would match ordinary words', () => {
		expect(withholdRestricted('Log of the meeting', material)).toBe('Log of the meeting');
	});
});

// A meeting's record as minutes/meeting-record.ts reads it, with every kind of entry the draft writes,
// for the tests of drafting the minutes and of the minutes document.
import type { MeetingRecord, RecordItem } from '../../src/lib/server/minutes/index.ts';

export const chair = { name: 'Ailsa Chair', organisation: 'Council' };
export const nhs = { name: 'Ruaridh Health', organisation: 'Health board' };
export const tsi = { name: 'Morag Voluntary', organisation: 'Voluntary action' };
export const deputy = { name: 'Iain Deputy', organisation: 'Health board' };

export function item(over: Partial<RecordItem>): RecordItem {
	return {
		order: 1,
		title: 'Item',
		purpose: 'DISCUSSION',
		private: false,
		declarations: [],
		contributions: [],
		challenges: [],
		decision: [],
		actions: [],
		...over
	};
}

/** A board meeting with every kind of entry, one item taken in private. */
export const record: MeetingRecord = {
	meeting: {
		title: 'Partnership board',
		body: 'Board',
		startsAt: new Date('2026-03-05T14:30:00Z'),
		place: 'Town hall',
		onlineLink: ''
	},
	attendance: {
		present: [chair, tsi],
		substitutes: [{ person: deputy, for: nhs }],
		apologies: [{ person: nhs, substitute: deputy }],
		absent: [{ name: 'Absent Person', organisation: 'Police' }]
	},
	items: [
		item({
			order: 1,
			title: 'Community transport',
			purpose: 'DECISION',
			declarations: [{ person: tsi, nature: 'Trustee of a bidder', action: 'WITHDREW' }],
			contributions: [
				{ person: chair, type: 'PROPOSAL', summary: 'Proposed a two-year pilot.' },
				{ person: deputy, type: 'QUESTION', summary: '' }
			],
			challenges: [
				{
					raisedBy: deputy,
					directedTo: 'Council',
					kind: 'EVIDENCE',
					evidence: 'Transport survey',
					quote: 'most residents drive',
					text: 'The survey missed people without cars.',
					responses: [
						{
							by: chair,
							text: 'A new survey will be run.',
							status: 'ACTION_AGREED',
							effect: 'AMENDED'
						}
					]
				}
			],
			decision: [
				{
					version: 1,
					outcome: 'AGREED',
					method: 'VOTE',
					votes: { for: 3, against: 1, abstained: 0 },
					wording: 'Fund a pilot.',
					alternatives: 'Do nothing',
					dissent: [{ person: deputy, reason: 'Too costly' }],
					evidence: ['Transport survey'],
					commitments: [
						{
							organisation: 'Health board',
							person: 'Iain Deputy',
							text: 'Two community nurses for the pilot',
							withAuthority: false
						}
					],
					subjectToRatificationBy: ['Health board'],
					hash: 'abcdef0123456789ffff',
					recordedAt: new Date('2026-03-05T15:00:00Z')
				},
				{
					version: 2,
					outcome: 'AGREED',
					method: 'CONSENSUS',
					votes: null,
					wording: 'Fund a pilot, with a new survey.',
					alternatives: '',
					dissent: [],
					evidence: [],
					commitments: [],
					subjectToRatificationBy: [],
					hash: '9999888877776666aaaa',
					recordedAt: new Date('2026-03-05T15:10:00Z')
				}
			],
			actions: [
				{
					text: 'Run a new survey',
					owner: 'Council',
					person: 'Ailsa Chair',
					dueOn: new Date('2026-05-01T00:00:00Z'),
					status: 'OPEN'
				}
			]
		}),
		item({
			order: 2,
			title: 'Staffing restructure',
			private: true,
			declarations: [{ person: chair, nature: 'Affected post', action: 'REMAINED' }],
			contributions: [{ person: nhs, type: 'CONTRIBUTION', summary: 'Named posts at risk.' }]
		})
	]
};

// The Discourse Quality Index categories reviewers code each contribution on (DESIGN §6, after
// Steenbergen, Bächtiger, Spörndli and Steiner 2003). One list, used by the coding screen, the API's
// validation, the summaries and the agreement figures. "Not applicable" is not a level: a code is either a
// level from the scale or marked not applicable, never both.

export type Scale = 'ordinal' | 'nominal';

export interface DqiCategory {
	key: DqiKey;
	name: string;
	/** What the coder is judging, in a line. */
	question: string;
	scale: Scale;
	/** The levels, in order; the index is the stored value. */
	levels: readonly string[];
}

export const DQI_KEYS = [
	'participation',
	'justification',
	'justificationContent',
	'respectGroups',
	'respectDemands',
	'respectCounterarguments',
	'constructivePolitics',
	'interactivity',
	'storytelling'
] as const;
export type DqiKey = (typeof DQI_KEYS)[number];

export const DQI: readonly DqiCategory[] = [
	{
		key: 'participation',
		name: 'Participation',
		question: 'Could the speaker take part normally, or were they interrupted or cut short?',
		scale: 'ordinal',
		levels: ['Interrupted', 'Normal participation']
	},
	{
		key: 'justification',
		name: 'Level of justification',
		question: 'How far are the demands backed by reasons?',
		scale: 'ordinal',
		levels: [
			'No justification',
			'Inferior justification',
			'Qualified justification',
			'Sophisticated justification'
		]
	},
	{
		key: 'justificationContent',
		name: 'Content of justification',
		question: 'In whose terms are the reasons put?',
		scale: 'nominal',
		levels: [
			'Group interest',
			'Neutral',
			'Common good (utilitarian)',
			'Common good (difference principle)'
		]
	},
	{
		key: 'respectGroups',
		name: 'Respect toward groups',
		question: 'How are the groups affected spoken of?',
		scale: 'ordinal',
		levels: ['No respect', 'Implicit respect', 'Explicit respect']
	},
	{
		key: 'respectDemands',
		name: 'Respect toward demands',
		question: 'How are other partners’ demands treated?',
		scale: 'ordinal',
		levels: ['No respect', 'Implicit respect', 'Explicit respect']
	},
	{
		key: 'respectCounterarguments',
		name: 'Respect toward counterarguments',
		question: 'How are counterarguments treated?',
		scale: 'ordinal',
		levels: ['Ignored', 'Degraded', 'Neutral', 'Valued']
	},
	{
		key: 'constructivePolitics',
		name: 'Constructive politics',
		question: 'Does the speaker look for common ground?',
		scale: 'ordinal',
		levels: ['Positional politics', 'Alternative proposal', 'Mediating proposal']
	},
	{
		key: 'interactivity',
		name: 'Interactivity',
		question: 'Does the speaker engage with what others said?',
		scale: 'ordinal',
		levels: [
			'No reference to others',
			'Negative reference',
			'Neutral reference',
			'Positive reference'
		]
	},
	{
		key: 'storytelling',
		name: 'Storytelling',
		question: 'Does the speaker tell a story or personal experience?',
		scale: 'nominal',
		levels: ['No', 'Yes']
	}
];

export function dqiCategory(key: string): DqiCategory | undefined {
	return DQI.find((c) => c.key === key);
}

// The live page's record commands: the challenge log, the decision on the current item with its versions
// and actions, and closing the meeting and approving the last meeting's minutes. The page's actions
// include `recordActions`.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { addAction } from '$lib/server/decisions';
import { raiseChallenge, respondToChallenge } from '$lib/server/meetings';
import { amendDecision, recordDecision } from '$lib/server/decisions';
import { formCommand, pageActor } from '$lib/server/web';
import { approveMinutes, closeMeeting } from '$lib/server/minutes';

const text = (data: FormData, name: string) => {
	const value = data.get(name);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};
const number = (data: FormData, name: string) => {
	const value = text(data, name);
	return value === undefined ? undefined : Number(value);
};
/** Indexed rows (`dissent.0.membershipId`…) sent by the form, leaving out rows left empty. */
function rows<K extends string>(data: FormData, prefix: string, keys: K[]) {
	const found: Record<K, string | undefined>[] = [];
	for (let i = 0; i < 50; i++) {
		if (!keys.some((k) => data.has(`${prefix}.${i}.${k}`))) break;
		const row = Object.fromEntries(
			keys.map((k) => [k, text(data, `${prefix}.${i}.${k}`)])
		) as Record<K, string | undefined>;
		if (keys.some((k) => row[k] !== undefined)) found.push(row);
	}
	return found;
}

/** The decision form's fields as the decision commands take them. */
function decisionInput(data: FormData) {
	const method = text(data, 'method');
	return {
		agendaItemId: text(data, 'agendaItemId'),
		outcome: text(data, 'outcome'),
		method,
		votes:
			method === 'VOTE'
				? {
						for: number(data, 'votesFor'),
						against: number(data, 'votesAgainst'),
						abstained: number(data, 'votesAbstained')
					}
				: undefined,
		dissent: rows(data, 'dissent', ['membershipId', 'reason']).map((r) => ({
			membershipId: r.membershipId,
			reason: r.reason
		})),
		evidenceItemIds: data.getAll('evidenceItemIds').filter((v) => typeof v === 'string'),
		alternatives: text(data, 'alternatives'),
		commitments: rows(data, 'commitments', ['organisationId', 'membershipId', 'text']),
		delegation: {
			amountPounds: text(data, 'delegation.amountPounds'),
			reservedMatters: data
				.getAll('delegation.reservedMatters')
				.filter((v) => typeof v === 'string')
		},
		// A hidden "false" comes before the checkbox's "true".
		proceedWithoutQuorum: data.getAll('proceedWithoutQuorum').includes('true'),
		// At a joint meeting the form offers the bodies taking it: then an empty choice is refused, not a default.
		takenBy: data.has('takenByOffered')
			? data.getAll('takenBy').filter((v) => typeof v === 'string')
			: undefined,
		// Only when the chair named a body or wrote the matter (the amendment form has neither).
		referTo:
			text(data, 'referTo.bodyId') || text(data, 'referTo.matter')
				? { bodyId: text(data, 'referTo.bodyId'), matter: text(data, 'referTo.matter') }
				: undefined
	};
}

/**
 * Runs a decision command; on refusal keeps every cited paper (a repeated field) and says when the
 * chair must confirm going ahead without a quorum.
 */
async function decisionCommand(
	data: FormData,
	form: string,
	command: (input: ReturnType<typeof decisionInput>) => Promise<unknown>
) {
	const result = await formCommand(data, () => command(decisionInput(data)), form);
	if (result && typeof result === 'object' && 'status' in result && 'data' in result) {
		const failure = result.data as { values: Record<string, string>; code: string };
		failure.values.evidenceItemIds = data.getAll('evidenceItemIds').join(' ');
		failure.values.takenBy = data.getAll('takenBy').join(' ');
		failure.values['delegation.reservedMatters'] = data
			.getAll('delegation.reservedMatters')
			.join('\n');
		if (failure.code === 'not_quorate') return fail(409, { ...failure, quorumWarning: true });
	}
	return result;
}

export const recordActions = {
	challenge: async (event: RequestEvent) => {
		const actor = pageActor(event);
		const data = await event.request.formData();
		const result = await formCommand(
			data,
			async (values) => {
				// One select names what is challenged: a paper (`evidence:<id>`) or the decision or a report.
				const on = String(values.on ?? '');
				const paper = on.startsWith('evidence:') ? on.slice('evidence:'.length) : null;
				await raiseChallenge(actor, event.params.id!, {
					agendaItemId: values.agendaItemId,
					raisedByMembershipId: values.raisedByMembershipId,
					directedToOrganisationId: values.directedToOrganisationId,
					directedToMembershipId: values.directedToMembershipId,
					target: paper ? 'EVIDENCE' : on || undefined,
					evidenceItemId: paper,
					quote: values.quote,
					kind: values.kind,
					text: values.text
				});
				return { done: 'challenge' };
			},
			'challenge'
		);
		// The paper and the kind of target are chosen in one field, `on`.
		if (result && typeof result === 'object' && 'data' in result) {
			const fields = (result.data as { fields: Record<string, string> }).fields;
			for (const key of ['evidenceItemId', 'target'])
				if (fields[key]) {
					fields.on ??= fields[key];
					delete fields[key];
				}
		}
		return result;
	},
	respond: async (event: RequestEvent) => {
		const actor = pageActor(event);
		const data = await event.request.formData();
		const challengeId = text(data, 'challengeId') ?? '';
		return formCommand(
			data,
			async (values) => {
				await respondToChallenge(actor, challengeId, {
					respondedByMembershipId: values.respondedByMembershipId,
					text: values.text,
					status: values.status,
					effect: values.effect
				});
				return { done: `respond:${challengeId}` };
			},
			`respond:${challengeId}`
		);
	},
	decide: async (event: RequestEvent) => {
		const actor = pageActor(event);
		const data = await event.request.formData();
		return decisionCommand(data, 'decide', (input) =>
			recordDecision(actor, event.params.id!, input)
		);
	},
	amend: async (event: RequestEvent) => {
		const actor = pageActor(event);
		const data = await event.request.formData();
		const decisionId = text(data, 'decisionId') ?? '';
		return decisionCommand(
			data,
			'amend',
			({ agendaItemId: _, referTo: __, takenBy: ___, ...input }) =>
				amendDecision(actor, decisionId, input)
		);
	},
	addAction: async (event: RequestEvent) => {
		const actor = pageActor(event);
		const data = await event.request.formData();
		const decisionId = text(data, 'decisionId') ?? '';
		return formCommand(
			data,
			async (values) => {
				await addAction(actor, decisionId, {
					text: values.text,
					ownerOrganisationId: values.ownerOrganisationId,
					ownerMembershipId: values.ownerMembershipId,
					dueOn: values.dueOn
				});
				return { done: `action:${decisionId}` };
			},
			`action:${decisionId}`
		);
	},
	closeMeeting: async (event: RequestEvent) => {
		const actor = pageActor(event);
		const data = await event.request.formData();
		return formCommand(
			data,
			async () => {
				// Closing cannot be undone: it takes a ticked confirmation.
				if (!data.getAll('confirm').includes('true'))
					return fail(400, {
						form: 'closeMeeting',
						values: {},
						message: '',
						fields: { confirm: 'Tick the box to confirm that the meeting is to close' }
					});
				await closeMeeting(actor, event.params.id!);
				return { done: 'closeMeeting' };
			},
			'closeMeeting'
		);
	},
	approveMinutes: async (event: RequestEvent) => {
		const actor = pageActor(event);
		const data = await event.request.formData();
		return formCommand(
			data,
			async (values) => {
				// Approval freezes the minutes as the record and publishes their public part: a ticked
				// confirmation, as for closing.
				if (!data.getAll('confirm').includes('true'))
					return fail(400, {
						form: 'approveMinutes',
						values: {},
						message: '',
						fields: { confirm: 'Tick the box to confirm that the minutes are approved' }
					});
				await approveMinutes(actor, String(values.previousMeetingId ?? ''), {
					atMeetingId: event.params.id
				});
				return { done: 'approveMinutes' };
			},
			'approveMinutes'
		);
	}
};

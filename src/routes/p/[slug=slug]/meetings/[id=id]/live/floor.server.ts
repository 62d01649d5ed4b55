// The meeting floor's commands on the live page: running the meeting (start, the current item),
// attendance, declarations of interest and the speaker queue. The page's actions spread these in.
import { recordAttendance } from '$lib/server/meetings';
import { declareInterest } from '$lib/server/meetings';
import { formCommand, pageActor } from '$lib/server/web';
import { setCurrentItem, startMeeting } from '$lib/server/meetings';
import { cancelRequest, endTurn, requestToSpeak, startTurn } from '$lib/server/meetings';
import type { RequestEvent } from './$types';

/** The form's name, sent in a hidden field, for actions several forms share (one per person). */
function formName(data: FormData, fallback: string): string {
	const name = String(data.get('_form') ?? '');
	return /^[\w-]{1,80}$/.test(name) ? name : fallback;
}

const actor = (event: RequestEvent) => pageActor(event);

export const floorActions = {
	startMeeting: async (event: RequestEvent) =>
		formCommand(
			await event.request.formData(),
			async () => {
				await startMeeting(actor(event), event.params.id);
				return { form: 'run', done: 'The meeting has started.' };
			},
			'run'
		),
	setCurrentItem: async (event: RequestEvent) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				const meeting = await setCurrentItem(actor(event), event.params.id, values);
				const item = meeting.items.find((i) => i.id === meeting.currentItemId);
				return { form: 'run', done: `Now on: ${item?.title || 'the next item'}.` };
			},
			'run'
		),
	attendance: async (event: RequestEvent) => {
		const data = await event.request.formData();
		const form = formName(data, 'attendance');
		return formCommand(
			data,
			async (values) => {
				const view = await recordAttendance(actor(event), event.params.id, values);
				const who = values.membershipId
					? view.roll.find((e) => e.membershipId === values.membershipId)
					: null;
				return {
					form,
					done: who ? `Attendance recorded for ${who.name}.` : 'Your attendance has been recorded.'
				};
			},
			form
		);
	},
	declare: async (event: RequestEvent) => {
		const data = await event.request.formData();
		const form = formName(data, 'declare');
		return formCommand(
			data,
			async (values) => {
				const declared = await declareInterest(actor(event), event.params.id, values);
				return { form, done: `Interest declared by ${declared.name}.` };
			},
			form
		);
	},
	requestToSpeak: async (event: RequestEvent) => {
		const data = await event.request.formData();
		const form = formName(data, 'speak');
		return formCommand(
			data,
			async (values) => {
				const turn = await requestToSpeak(actor(event), event.params.id, values);
				return { form, done: `${turn.name} is in the queue to speak.` };
			},
			form
		);
	},
	callSpeaker: async (event: RequestEvent) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				const turn = await startTurn(actor(event), String(values.contributionId ?? ''), {});
				return { form: 'queue', done: `${turn.name} is speaking.` };
			},
			'queue'
		),
	endTurn: async (event: RequestEvent) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				const turn = await endTurn(actor(event), String(values.contributionId ?? ''), {
					summary: values.summary
				});
				return { form: 'queue', done: `${turn.name}’s turn has ended.` };
			},
			'queue'
		),
	cancelRequest: async (event: RequestEvent) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				const turn = await cancelRequest(actor(event), String(values.contributionId ?? ''));
				return { form: 'queue', done: `${turn.name}’s request to speak was withdrawn.` };
			},
			'queue'
		)
};

// The meeting floor on the live page: running the meeting (start, the current item), attendance and
// quorum, declarations of interest and the speaker queue. The page's load and actions spread these in.
import { getAttendance, recordAttendance } from '$lib/server/meetings';
import { declareInterest, listDeclarations } from '$lib/server/meetings';
import { formCommand, pageActor } from '$lib/server/web';
import { setCurrentItem, startMeeting } from '$lib/server/meetings';
import { listMembers } from '$lib/server/structure';
import { meetingContext, meetingRights } from '$lib/server/access';
import {
	cancelRequest,
	endTurn,
	getSpeakers,
	requestToSpeak,
	startTurn
} from '$lib/server/meetings';
import type { PageServerLoadEvent, RequestEvent } from './$types';

export interface Person {
	id: string;
	name: string;
	organisationId: string;
	organisationName: string;
}

export async function loadFloor(event: PageServerLoadEvent) {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	const ctx = await meetingContext(actor, id);
	const rights = await meetingRights(ctx);
	const [attendance, declarations, speakers, members] = await Promise.all([
		getAttendance(actor, id),
		listDeclarations(actor, id),
		getSpeakers(actor, id),
		listMembers(actor, slug)
	]);
	const people: Person[] = members.map((m) => ({
		id: m.id,
		name: m.name,
		organisationId: m.organisation.id,
		organisationName: m.organisation.name
	}));
	return {
		attendance,
		declarations,
		speakers,
		// Officers choose from everyone in the partnership; a member only from their own organisation.
		people: rights.recordForOthers
			? people
			: people.filter((p) => p.organisationId === ctx.membership.organisationId)
	};
}

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

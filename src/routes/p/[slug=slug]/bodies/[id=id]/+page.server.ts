import { redirect } from '@sveltejs/kit';
import { getBody, listBodies, updateBody } from '$lib/server/structure';
import { delegationScheme, writeDelegationScheme } from '$lib/server/structure';
import { mayWriteDelegationScheme, partnershipContext } from '$lib/server/access';
import { forPage, formCommand, pageActor, withLists } from '$lib/server/web';
import { listMeetings, scheduleMeeting, waitingMattersArising } from '$lib/server/meetings';
import { referralsTo } from '$lib/server/decisions';
import { addSeat, listMembers } from '$lib/server/structure';
import { listOrganisations } from '$lib/server/structure';
import { endSeatAction } from '../../end-seat';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const body = await getBody(actor, slug, id);
		const members = await listMembers(actor, slug);
		return {
			body,
			members,
			seats: members.flatMap((m) =>
				m.seats.filter((s) => s.bodyId === id).map((seat) => ({ seat, member: m }))
			),
			bodies: (await listBodies(actor, slug)).filter((b) => b.id !== id),
			organisations: await listOrganisations(actor, slug),
			meetings: await listMeetings(actor, id),
			// Forums' contested responses waiting for this body's next meeting (officers only).
			waitingMatters: await waitingMattersArising(actor, slug, id),
			referrals: await referralsTo(actor, id),
			scheme: await delegationScheme(actor, id),
			mayWriteScheme: mayWriteDelegationScheme(await partnershipContext(actor, slug))
		};
	});
};

export const actions: Actions = {
	update: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => ({
				saved: await updateBody(pageActor(event), event.params.slug, event.params.id, values)
			}),
			'update'
		),
	addSeat: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => ({
				seated: await addSeat(pageActor(event), event.params.slug, event.params.id, values)
			}),
			'addSeat'
		),
	schedule: async (event) => {
		const data = await event.request.formData();
		const result = await formCommand(
			data,
			async (values) => {
				const actor = pageActor(event);
				await getBody(actor, event.params.slug, event.params.id);
				return scheduleMeeting(actor, event.params.id, {
					...values,
					...withLists(data, ['jointBodyIds'])
				});
			},
			'schedule'
		);
		if (!('id' in result)) return withLists(data, ['jointBodyIds'], result);
		redirect(303, `/p/${event.params.slug}/meetings/${result.id}?scheduled=1`);
	},
	endSeat: endSeatAction,
	scheme: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				const actor = pageActor(event);
				await getBody(actor, event.params.slug, event.params.id);
				// One reserved matter a line in the form; a list in the API.
				const matters = String(values.reservedMatters ?? '')
					.split('\n')
					.map((line) => line.trim())
					.filter(Boolean);
				return {
					schemeWritten: await writeDelegationScheme(actor, event.params.id, {
						...values,
						reservedMatters: matters
					})
				};
			},
			'scheme'
		)
};

import { redirect } from '@sveltejs/kit';
import { listBodies } from '$lib/server/structure';
import { Invalid } from '$lib/server/platform';
import { forPage, formCommand, pageActor, requireConfirmed } from '$lib/server/web';
import { addSeat, getMember, removeMember, updateMember } from '$lib/server/structure';
import { listOrganisations } from '$lib/server/structure';
import { endSeatAction } from '../../end-seat';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => ({
		member: await getMember(actor, slug, id),
		bodies: await listBodies(actor, slug),
		organisations: await listOrganisations(actor, slug)
	}));
};

export const actions: Actions = {
	update: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => ({
				saved: await updateMember(pageActor(event), event.params.slug, event.params.id, values)
			}),
			'update'
		),
	addSeat: async (event) =>
		formCommand(
			await event.request.formData(),
			async ({ bodyId, ...values }) => {
				if (typeof bodyId !== 'string') throw new Invalid({ bodyId: 'Choose a body' });
				return {
					seated: await addSeat(pageActor(event), event.params.slug, bodyId, {
						...values,
						membershipId: event.params.id
					})
				};
			},
			'addSeat'
		),
	endSeat: endSeatAction,
	remove: async (event) => {
		const data = await event.request.formData();
		const { slug, id } = event.params;
		const result = await formCommand(
			data,
			async () => {
				// Removal cannot be undone (they would need a new invitation): it takes a ticked confirmation.
				requireConfirmed(
					data,
					'Tick the box to confirm that they are to be removed from the partnership'
				);
				const actor = pageActor(event);
				const member = await getMember(actor, slug, id);
				await removeMember(actor, slug, id);
				return { removedSelf: member.userId === actor.userId };
			},
			'remove'
		);
		if (!('removedSelf' in result)) return result;
		redirect(303, result.removedSelf ? '/' : `/p/${slug}/members?removed`);
	}
};

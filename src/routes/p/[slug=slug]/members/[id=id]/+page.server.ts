import { listBodies } from '$lib/server/bodies';
import { Invalid } from '$lib/server/errors';
import { forPage, formCommand, pageActor } from '$lib/server/http';
import { addSeat, getMember, updateMember } from '$lib/server/members';
import { listOrganisations } from '$lib/server/organisations';
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
	endSeat: endSeatAction
};

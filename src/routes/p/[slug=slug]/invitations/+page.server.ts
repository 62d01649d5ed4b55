import { createInvitation, listInvitations, revokeInvitation } from '$lib/server/structure';
import { forPage, formCommand, pageActor } from '$lib/server/web';
import { listOrganisations } from '$lib/server/structure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug } = event.params;
	return forPage(async () => ({
		invitations: await listInvitations(actor, slug),
		organisations: await listOrganisations(actor, slug)
	}));
};

export const actions: Actions = {
	create: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				const created = await createInvitation(pageActor(event), event.params.slug, values);
				return { created: { ...created.invitation, link: event.url.origin + created.path } };
			},
			'create'
		),
	revoke: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				await revokeInvitation(pageActor(event), event.params.slug, String(values.id));
				return { revoked: true };
			},
			'revoke'
		)
};

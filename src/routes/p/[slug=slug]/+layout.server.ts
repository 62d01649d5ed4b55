import { forPage, pageActor } from '$lib/server/web';
import {
	canManageStructure,
	canScheduleMeetings,
	canSeeInvitations,
	partnershipContext
} from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const ctx = await forPage(() => partnershipContext(pageActor(event), event.params.slug));
	return {
		partnership: ctx.partnership,
		role: ctx.membership.role,
		can: {
			manageStructure: canManageStructure(ctx),
			invite: canSeeInvitations(ctx),
			scheduleMeetings: canScheduleMeetings(ctx)
		}
	};
};

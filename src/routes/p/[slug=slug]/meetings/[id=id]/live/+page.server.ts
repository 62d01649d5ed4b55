// The meeting as it happens: one page with three views on the same live record (the chair's console,
// the members' view, the secretariat's recorder). Reloaded whenever the meeting's event stream says the
// record changed (LIVE_MEETING).
import { LIVE_MEETING } from '$lib/live/follow-meeting.svelte';
import { getBody } from '$lib/server/structure';
import { forPage, pageActor } from '$lib/server/web';
import { getMeeting } from '$lib/server/meetings';
import { listOrganisations } from '$lib/server/structure';
import { meetingContext, meetingRights } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';
import { floorActions, loadFloor } from './floor.server';
import { loadRecord, recordActions } from './record.server';

export type LiveView = 'chair' | 'members' | 'recorder';

export const load: PageServerLoad = async (event) => {
	event.depends(LIVE_MEETING);
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const ctx = await meetingContext(actor, id);
		const rights = await meetingRights(ctx);
		const meeting = await getMeeting(actor, id);
		const asked = event.url.searchParams.get('view');
		const views: LiveView[] = [
			...(rights.run ? (['chair'] as const) : []),
			'members',
			...(rights.recordForOthers ? (['recorder'] as const) : [])
		];
		const view: LiveView = views.find((v) => v === asked) ?? views[0];
		return {
			meeting,
			rights,
			views,
			view,
			me: { membershipId: ctx.membership.id, organisationId: ctx.membership.organisationId },
			body: await getBody(actor, slug, meeting.bodyId),
			organisations: await listOrganisations(actor, slug),
			...(await loadFloor(event)),
			...(await loadRecord(event))
		};
	});
};

export const actions: Actions = { ...floorActions, ...recordActions };

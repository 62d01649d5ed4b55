// The meeting as it happens: one page with three views on the same live record (the chair's console,
// the members' view, the secretariat's recorder). What the meeting shows is composed once for everyone
// who sees it alike (decisions/liveMeetingView) and, after the page has loaded, arrives whole through its
// event stream (./events); what is this person's own (their rights and views) is loaded here.
import { LIVE_MEETING } from '$lib/live/follow-meeting.svelte';
import { forPage, pageActor } from '$lib/server/web';
import { NotFound } from '$lib/server/platform';
import { liveMeetingView } from '$lib/server/decisions';
import { meetingContext, meetingRights } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';
import { floorActions } from './floor.server';
import { recordActions } from './record.server';

export type LiveView = 'chair' | 'members' | 'recorder';

export const load: PageServerLoad = async (event) => {
	event.depends(LIVE_MEETING);
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const ctx = await meetingContext(actor, id);
		// Under its own partnership's address only.
		if (ctx.partnership.slug !== slug) throw new NotFound('meeting');
		const [rights, live] = await Promise.all([meetingRights(ctx), liveMeetingView(actor, id)]);
		const asked = event.url.searchParams.get('view');
		const views: LiveView[] = [
			...(rights.run ? (['chair'] as const) : []),
			'members',
			...(rights.recordForOthers ? (['recorder'] as const) : [])
		];
		const view: LiveView = views.find((v) => v === asked) ?? views[0];
		return {
			live: live.data,
			rights,
			views,
			view,
			me: { membershipId: ctx.membership.id, organisationId: ctx.membership.organisationId }
		};
	});
};

export const actions: Actions = { ...floorActions, ...recordActions };

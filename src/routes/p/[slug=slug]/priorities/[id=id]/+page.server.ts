// A priority's page: what was asked and the engagement behind it, its timeline, the next steps the
// actor may take (one small form each), its files and the response to the forum.
import { getBody } from '$lib/server/structure';
import { giveVerdict, publishFeedback, updateFeedback } from '$lib/server/priorities';
import { formFile, forPage, formCommand, pageActor } from '$lib/server/web';
import { listOrganisations } from '$lib/server/structure';
import { partnershipContext } from '$lib/server/access';
import { getPriority, priorityVoice, recordPriorityEvent } from '$lib/server/priorities';
import { addPriorityFile } from '$lib/server/priorities';
import { mayAddPriorityFile, mayGiveVerdict, rightsOf } from '$lib/server/access';
import { actionsToLink, decisionsToLink, upcomingAgendaItems } from '$lib/server/priorities';
import { NotFound } from '$lib/server/platform';
import { mattersArisingOfPriority } from '$lib/server/meetings';
import type { PriorityEventType } from '$lib/vocabulary';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const priority = await getPriority(actor, id);
		// Through the partnership in the address, so a priority of another one is not found here.
		await getBody(actor, slug, priority.raisedBy.id).catch(() => {
			throw new NotFound('priority');
		});
		const rights = await rightsOf(await partnershipContext(actor, slug));
		const next = new Set<PriorityEventType>(priority.next);
		const scheduled = priority.events.findLast((e) => e.type === 'SCHEDULED');
		const linked = priority.events.flatMap((e) =>
			e.type === 'DECIDED' && e.decision ? [e.decision.id] : []
		);
		return {
			priority,
			next: [...next],
			organisations: next.has('ACCEPTED')
				? (await listOrganisations(actor, slug)).map((o) => ({ value: o.id, label: o.name }))
				: [],
			items: next.has('SCHEDULED')
				? await upcomingAgendaItems(actor, slug, priority.heldBy.id)
				: [],
			decisions: next.has('DECIDED')
				? await decisionsToLink(actor, slug, priority.heldBy.id, scheduled?.agendaItem?.id ?? null)
				: [],
			actions: next.has('ACTION') ? await actionsToLink(linked) : [],
			// A contested response, on the deciding body's agenda or waiting for its next meeting.
			mattersArising: await mattersArisingOfPriority(priority.id),
			// Residents' confirmed support and approved comments from the forum's public page.
			voice: await priorityVoice(actor, priority.id),
			officer: rights.officer,
			mayGiveVerdict: mayGiveVerdict(rights, priority.raisedBy.id),
			mayAddFiles: mayAddPriorityFile(rights, {
				raisedByBodyId: priority.raisedBy.id,
				currentBodyId: priority.heldBy.id
			})
		};
	});
};

/** One form per step: each sends its own fields with the event type fixed by the form's name. */
function step(type: PriorityEventType, form: string) {
	return async (event: RequestEvent) =>
		formCommand(
			await event.request.formData(),
			async (values) => ({
				recorded: type,
				view: await recordPriorityEvent(pageActor(event), event.params.id, { ...values, type })
			}),
			form
		);
}

async function feedbackId(event: RequestEvent): Promise<string> {
	const priority = await getPriority(pageActor(event), event.params.id);
	if (!priority.feedback) throw new NotFound('response');
	return priority.feedback.id;
}

export const actions: Actions = {
	submit: step('SUBMITTED', 'submit'),
	accept: step('ACCEPTED', 'accept'),
	decline: step('DECLINED', 'decline'),
	passOn: step('PASSED_ON', 'passOn'),
	passSideways: step('PASSED_SIDEWAYS', 'passSideways'),
	referDown: step('REFERRED_DOWN', 'referDown'),
	schedule: step('SCHEDULED', 'schedule'),
	decide: step('DECIDED', 'decide'),
	action: step('ACTION', 'action'),
	close: step('CLOSED', 'close'),
	feedback: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => ({
				feedbackSaved: await updateFeedback(pageActor(event), await feedbackId(event), values)
			}),
			'feedback'
		),
	publish: async (event) =>
		formCommand(
			await event.request.formData(),
			async () => ({
				published: await publishFeedback(pageActor(event), await feedbackId(event))
			}),
			'publish'
		),
	verdict: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => ({
				verdictGiven: await giveVerdict(pageActor(event), await feedbackId(event), values)
			}),
			'verdict'
		),
	upload: async (event) => {
		const data = await event.request.formData();
		return formCommand(
			data,
			async () => ({
				uploaded: await addPriorityFile(
					pageActor(event),
					event.params.id,
					await formFile(data, 'file')
				)
			}),
			'upload'
		);
	}
};

import { fail } from '@sveltejs/kit';
import { DOCUMENT_KINDS, type DocumentKind } from '$lib/collab/documents';
import { mattersArising, ratificationsOwed } from '$lib/server/decisions';
import { getBody, listBodies } from '$lib/server/structure';
import { listChallenges, mattersArisingOnAgenda } from '$lib/server/meetings';
import { decisionsOfMeeting } from '$lib/server/decisions';
import { documentHistory } from '$lib/server/meetings';
import { addPaper, attachEvidenceFile, listEvidence } from '$lib/server/meetings';
import { ACCEPT_ATTRIBUTE } from '$lib/server/meetings';
import { setEvidenceOrganisations } from '$lib/server/meetings';
import { Invalid } from '$lib/server/platform';
import {
	forPage,
	formCommand,
	formFile,
	pageActor,
	requireConfirmed,
	todayInUk
} from '$lib/server/web';
import {
	agendaIssuePreview,
	cancelMeeting,
	changeJointBody,
	getAttendance,
	getMeeting,
	issueAgenda,
	rescheduleMeeting
} from '$lib/server/meetings';
import { listOrganisations } from '$lib/server/structure';
import { canScheduleMeetings, partnershipContext } from '$lib/server/access';
import { REVIEWABLE } from '$lib/server/review';
import { surveyFor } from '$lib/server/review';
import { openMinutes } from '$lib/server/minutes';
import { MEETING_DOCUMENTS } from '$lib/live/follow-meeting.svelte';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Reloaded when the papers or the agenda projected from the shared documents change.
	event.depends(MEETING_DOCUMENTS);
	const actor = pageActor(event);
	const { slug, id } = event.params;
	const asked = event.url.searchParams.get('doc');
	const showing: DocumentKind = DOCUMENT_KINDS.find((k) => k === asked) ?? 'agenda';
	return forPage(async () => {
		const meeting = await getMeeting(actor, id);
		if (showing === 'minutes') await openMinutes(actor, id);
		const ctx = await partnershipContext(actor, slug);
		return {
			meeting,
			// What issuing the agenda (or moving or cancelling the meeting) will do, shown before the officer
			// confirms it.
			issuePreview:
				(meeting.status === 'DRAFT' || meeting.status === 'AGENDA_ISSUED') &&
				canScheduleMeetings(ctx)
					? await agendaIssuePreview(actor, id)
					: null,
			showing,
			history: await documentHistory(actor, id, showing),
			// Through the partnership in the address, so a meeting of another one is not found here.
			body: await getBody(actor, slug, meeting.bodyId),
			// A joint meeting: each holding body's quorum, from its own seats (host first).
			jointQuorums: meeting.jointBodyIds.length ? (await getAttendance(actor, id)).bodies : [],
			// Before it starts the secretariat may add or remove a body holding it jointly: the others to add.
			otherBodies:
				canScheduleMeetings(ctx) && ['DRAFT', 'AGENDA_ISSUED'].includes(meeting.status)
					? (await listBodies(actor, slug))
							.filter((b) => b.id !== meeting.bodyId && !meeting.jointBodyIds.includes(b.id))
							.map((b) => ({ id: b.id, name: b.name }))
					: null,
			evidence: await listEvidence(actor, id),
			organisations: await listOrganisations(actor, slug),
			ownOrganisationId: ctx.membership.organisationId,
			accept: ACCEPT_ATTRIBUTE,
			mattersArising: await mattersArising(actor, id),
			// Forums' contested responses placed on this agenda.
			contested: await mattersArisingOnAgenda(actor, id),
			ratificationsOwed: await ratificationsOwed(actor, id),
			today: todayInUk(),
			challenges: await listChallenges(actor, id),
			decisions: await decisionsOfMeeting(actor, id),
			// Once the meeting has closed: whether the actor has the members' survey still to answer.
			surveyState: REVIEWABLE.includes(meeting.status) ? (await surveyFor(actor, id)).state : null
		};
	});
};

export const actions: Actions = {
	issue: async (event) => {
		const data = await event.request.formData();
		return formCommand(
			data,
			async (values) => {
				// Issuing cannot be taken back and notifies everyone seated: it takes a ticked confirmation.
				requireConfirmed(data, 'Tick the box to confirm that the agenda is to be issued');
				return { issued: await issueAgenda(pageActor(event), event.params.id, values) };
			},
			'issue'
		);
	},
	reschedule: async (event) => {
		const data = await event.request.formData();
		return formCommand(
			data,
			async (values) => ({
				moved: await rescheduleMeeting(pageActor(event), event.params.id, values)
			}),
			'reschedule'
		);
	},
	cancel: async (event) => {
		const data = await event.request.formData();
		return formCommand(
			data,
			async (values) => {
				// Cancelling cannot be undone and tells everyone seated: it takes a ticked confirmation.
				requireConfirmed(data, 'Tick the box to confirm that the meeting is to be cancelled');
				return { cancelled: await cancelMeeting(pageActor(event), event.params.id, values) };
			},
			'cancel'
		);
	},
	jointBody: async (event) => {
		const data = await event.request.formData();
		return formCommand(
			data,
			async (values) => {
				// Once the agenda is out, adding a body sends it the agenda and removing one tells its members
				// they are no longer invited: either takes a ticked confirmation.
				if (data.has('confirmSending'))
					requireConfirmed(
						data,
						values.change === 'REMOVE'
							? 'Tick the box to confirm that its members are told they are no longer invited'
							: 'Tick the box to confirm that the body’s members are sent the agenda'
					);
				return { jointChanged: await changeJointBody(pageActor(event), event.params.id, values) };
			},
			'jointBody'
		);
	},
	paper: async (event) => {
		const data = await event.request.formData();
		const chosen = data.getAll('allowedOrganisationIds').map(String);
		const file = data.get('file');
		const result = await formCommand(
			data,
			async (values) => ({
				added: await addPaper(
					pageActor(event),
					event.params.id,
					// A form sent with no audience chosen says so, rather than taking the API's default.
					{
						...values,
						confidentiality: values.confidentiality ?? null,
						allowedOrganisationIds: chosen
					},
					file instanceof File && file.size ? await formFile(data, 'file') : undefined
				)
			}),
			'paper'
		);
		// The ticked organisations go back too, so a form with errors keeps them.
		if ('added' in result) return result;
		return fail(result.status, { ...(result.data as object), chosen });
	},
	organisations: async (event) => {
		const data = await event.request.formData();
		const itemId = String(data.get('evidenceItemId') ?? '');
		const chosen = data.getAll('allowedOrganisationIds').map(String);
		const result = await formCommand(
			data,
			async () => {
				const actor = pageActor(event);
				const own = (await partnershipContext(actor, event.params.slug)).membership.organisationId;
				const keepsOwn = chosen.includes(own);
				// Taking your own organisation off cannot be undone by you: it takes a ticked confirmation.
				// An empty choice goes on to the domain, which says to choose at least one.
				if (chosen.length && !keepsOwn && !data.getAll('confirm').includes('true'))
					throw new Invalid({
						confirm:
							'Tick the box to confirm that you lose the paper too, or tick your own organisation again'
					});
				await setEvidenceOrganisations(actor, event.params.id, itemId, {
					allowedOrganisationIds: chosen
				});
				return { organisationsChanged: itemId, keptOwn: keepsOwn };
			},
			`organisations-${itemId}`
		);
		if ('organisationsChanged' in result) return result;
		return fail(result.status, { ...(result.data as object), chosen });
	},
	upload: async (event) => {
		const data = await event.request.formData();
		const itemId = String(data.get('evidenceItemId') ?? '');
		return formCommand(
			data,
			async () => ({
				uploaded: await attachEvidenceFile(
					pageActor(event),
					event.params.id,
					itemId,
					await formFile(data, 'file')
				)
			}),
			`upload-${itemId}`
		);
	}
};

// What the live page shows of a meeting, composed once for everyone who sees it alike and sent whole to
// their open pages after each change (meetings/live-snapshots.ts): the meeting and its agenda, attendance,
// declarations, the speaker queue, and the record: challenges, the papers that can be cited, who is here,
// the quorum, each item's decision versions (latest first) and actions, the current item's draft wording
// and who may take part, matters arising and the body's previous meeting (whose minutes this one
// approves). What differs from one person to the next (their rights, their view) is the page's own.
import { actionViews, mattersArising, type ActionView } from './actions.ts';
import type { Actor, MeetingContext } from '../access/index.ts';
import { PAPER_ACCESS, maySeePaper } from '../access/index.ts';
import { listChallenges, sharedSnapshot, type Snapshot } from '../meetings/index.ts';
import { followMeeting } from '../meetings/index.ts';
import { getAttendance, getMeeting, getSpeakers, listDeclarations } from '../meetings/index.ts';
import { currentSchemeOf, getBody, listMembers, listOrganisations } from '../structure/index.ts';
import { db } from '../platform/index.ts';
import { readVersions } from './register.ts';
import { delegationChecksOf } from './delegation-check.ts';
import { versionViews, type DecisionVersionView } from './views.ts';
import { readDraftWording } from './wording.ts';
import { takenByNames } from './joint.ts';
import { listEvidence } from '../meetings/index.ts';
import { meetingContext } from '../access/index.ts';
import { eligibleFor, meetingQuorum, quorumOf, readRoll } from '../meetings/index.ts';
import type { LiveMember, LiveRecord } from '../../live/record.ts';

/** The live page's shared part, as every reader in one audience sees it. */
export type LiveMeetingView = Awaited<ReturnType<typeof composeLiveView>>;

async function composeLiveView(actor: Actor, meetingId: string) {
	const ctx = await meetingContext(actor, meetingId);
	const slug = ctx.partnership.slug;
	const { access: _, ...meeting } = await getMeeting(actor, meetingId);
	const [body, organisations, attendance, declarations, speakers, members, record, bodies] =
		await Promise.all([
			getBody(actor, slug, meeting.bodyId),
			listOrganisations(actor, slug),
			getAttendance(actor, meetingId),
			listDeclarations(actor, meetingId),
			getSpeakers(actor, meetingId),
			listMembers(actor, slug),
			liveRecord(actor, meetingId),
			// Names only, for the referral: the partnership's bodies, which every member may see listed.
			db().body.findMany({
				where: { partnershipId: ctx.partnership.id },
				select: { id: true, name: true },
				orderBy: { name: 'asc' }
			})
		]);
	// Everyone in the partnership, for the forms that name someone (the page narrows it for members).
	const people: LiveMember[] = members.map((m) => ({
		id: m.id,
		name: m.name,
		organisationId: m.organisation.id,
		organisationName: m.organisation.name
	}));
	// The other bodies, for a decision that refers a matter to one of them.
	const others = bodies.filter((b) => b.id !== meeting.bodyId);
	return {
		meeting,
		body,
		organisations,
		attendance,
		declarations,
		speakers,
		people,
		record,
		bodies: others
	};
}

/**
 * Which audience the reader is in. What the view holds differs between readers only by the restricted
 * papers they may see (access/restricted-material.ts), so readers who may see the same ones share it.
 */
async function audienceOf(ctx: MeetingContext): Promise<string> {
	const restricted = await sharedSnapshot(ctx.meeting.id, 'restricted papers', () =>
		db().evidenceItem.findMany({
			where: { confidentiality: 'RESTRICTED', meeting: { partnershipId: ctx.partnership.id } },
			select: { id: true, ...PAPER_ACCESS },
			orderBy: { id: 'asc' }
		})
	);
	const seen = restricted.data.filter((paper) => maySeePaper(ctx, paper)).map((paper) => paper.id);
	return `sees:${seen.join(',')}`;
}

/** The live page's shared part for this reader, composed once per change for their whole audience. */
export async function liveMeetingView(
	actor: Actor,
	meetingId: string
): Promise<Snapshot<LiveMeetingView>> {
	return viewFor(await meetingContext(actor, meetingId));
}

async function viewFor(reader: MeetingContext): Promise<Snapshot<LiveMeetingView>> {
	const meetingId = reader.meeting.id;
	return sharedSnapshot(meetingId, await audienceOf(reader), () =>
		composeLiveView(reader.actor, meetingId)
	);
}

/** The live page's event stream: the reader's view whole when it opens and after every change. */
export function followLiveMeeting(
	actor: Actor,
	meetingId: string,
	signal: AbortSignal
): Promise<Response> {
	return followMeeting(actor, meetingId, signal, async (reader) => (await viewFor(reader)).json);
}

async function liveRecord(actor: Actor, meetingId: string): Promise<LiveRecord> {
	const ctx = await meetingContext(actor, meetingId);
	const meeting = {
		...(await db().meeting.findUniqueOrThrow({
			where: { id: meetingId },
			include: { body: { select: { quorum: true } } }
		})),
		bodyIds: ctx.meeting.bodyIds
	};
	const roll = await readRoll(db(), meeting);
	const decisions = await db().decision.findMany({
		where: { meetingId },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	const versions: Record<string, DecisionVersionView[]> = {};
	for (const decision of decisions)
		versions[decision.agendaItemId] = (
			await versionViews(db(), ctx, decision, await readVersions(decision.id))
		).reverse();
	const actionRows = await db().action.findMany({
		where: { meetingId },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	const actions: ActionView[] = await actionViews(db(), ctx.partnership.id, actionRows);
	const currentItemId = meeting.currentItemId;
	const deciding = currentItemId !== null;
	const previous = await db().meeting.findFirst({
		where: { bodyId: meeting.bodyId, startsAt: { lt: meeting.startsAt } },
		orderBy: { startsAt: 'desc' },
		select: { id: true, title: true, startsAt: true, status: true }
	});
	return {
		challenges: await listChallenges(actor, meetingId),
		papers: (await listEvidence(actor, meetingId))
			.filter((p) => !p.withdrawn)
			.map((p) => ({ id: p.id, title: p.title, agendaItemId: p.agendaItemId })),
		people: roll.map((e) => ({
			membershipId: e.membershipId,
			name: e.name,
			organisationId: e.organisationId,
			organisationName: e.organisationName,
			sector: e.sector,
			here: e.here,
			voting: e.voting,
			delegatedAuthority: e.delegatedAuthority
		})),
		// One body: its quorum from the roll, with no body to look up; a joint meeting: every body's.
		quorum:
			meeting.bodyIds.length < 2
				? quorumOf(roll, meeting.body.quorum)
				: (await meetingQuorum(db(), { ...meeting, quorum: meeting.body.quorum }, roll)).quorum,
		versions,
		actions,
		wording: deciding ? await readDraftWording(meetingId, currentItemId) : '',
		eligible: deciding
			? (await eligibleFor(db(), meeting, currentItemId, roll)).map((e) => e.membershipId)
			: [],
		mattersArising: await mattersArising(actor, meetingId),
		previous: previous && {
			...previous,
			startsAt: previous.startsAt.toISOString()
		},
		checks: Object.fromEntries(
			[...(await delegationChecksOf(decisions.map((d) => d.id))).entries()].map(([id, c]) => [
				id,
				{ amountPounds: c.amountPounds, reservedMatters: c.reservedMatters }
			])
		),
		// Only a joint meeting's decisions name the bodies that took them (no queries otherwise).
		takenBy:
			meeting.bodyIds.length < 2
				? {}
				: Object.fromEntries(
						await takenByNames(
							db(),
							decisions.map((d) => d.id)
						)
					),
		scheme: await currentSchemeOf(db(), meeting.bodyId).then(
			(s) =>
				s && {
					version: s.version,
					financialLimitPounds: s.financialLimitPounds,
					reservedMatters: s.reservedMatters
				}
		)
	};
}

// No input answers 5xx: for every route of the served OpenAPI document, bad values generated from that
// route's own schemas (path ids, query parameters, the JSON body field by field, and the body as a whole)
// are sent by someone whose role lets them use the route, so they reach validation. Each must answer 4xx
// in the API's error shape and write nothing (no audit event, no new row in any table). A route in the
// document with no case below fails the test: add a case, or a reason it takes no input.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRole } from '../../src/lib/vocabulary.ts';
import { generator, setAt, type Bad, type JsonSchema } from '../support/bad-values.ts';
import { Client } from '../support/client.ts';
import { makePartnership, PASSWORD, type Fixture } from '../support/factories.ts';
import { meetingIn, storeMinutesText } from '../support/minutes.ts';
import { signedIn } from '../support/people.ts';
import { makeItem, markPresent, newId, storeWording } from '../support/record.ts';
import { makeIndicator, makeRatifiable, makeRisk } from '../support/outcomes.ts';
import { startServer, type TestServer } from '../support/server.ts';

const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261206);
/** Requests in flight at once: enough to keep the server busy, few enough for two cores. */
const PARALLEL = 4;
/**
 * How many of the bad values for one path parameter, query parameter or body field are sent, drawn by
 * the seeded generator (every kind of bad value is still sent somewhere in each run; another seed,
 * BAD_INPUT_SEED=…, draws others). Keeps the file within a minute on two busy cores.
 */
const PER_FIELD = 7;

let server: TestServer;
let fx: Fixture;
let doc: { paths: Record<string, Record<string, Operation>> };
const as = {} as Record<PartnershipRole, Client>;
/** The records the paths name, arranged once: every request is refused, so none of them changes. */
let r: Awaited<ReturnType<typeof arrange>>;

interface Operation {
	operationId: string;
	parameters?: { name: string; in: 'path' | 'query'; schema: JsonSchema }[];
	requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

async function arrange() {
	const db = server.db;
	const by = fx.members.ADMIN.userId;
	const planned = await meetingIn(db, fx, 'AGENDA_ISSUED', '2026-09-03');
	const paper = await db.evidenceItem.create({
		data: {
			id: newId(),
			meetingId: planned.id,
			title: 'Council only',
			confidentiality: 'RESTRICTED',
			allowedOrganisationIds: [fx.organisations.council.id]
		}
	});
	// A board meeting under way: its chair (the fixture's MEMBER) present, one item with wording.
	const live = await meetingIn(db, fx, 'IN_PROGRESS', '2026-06-04');
	const item = await makeItem(db, live.id);
	await db.meeting.update({
		where: { id: live.id },
		data: { currentItemId: item.id, currentItemAt: new Date() }
	});
	await markPresent(db, live.id, [fx.members.MEMBER.membershipId], by);
	await storeWording(db, live.id, { [item.id]: 'The board agrees.' });
	const challenge = await db.challenge.create({
		data: {
			meetingId: live.id,
			agendaItemId: item.id,
			raisedByMembershipId: fx.members.MEMBER.membershipId,
			target: 'DECISION',
			kind: 'RISK',
			text: 'Arranged',
			recordedById: by
		}
	});
	const decision = await db.decision.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			meetingId: live.id,
			agendaItemId: item.id,
			versions: {
				create: {
					version: 1,
					wording: 'The board agrees.',
					outcome: 'AGREED',
					method: 'CONSENSUS',
					quorate: false,
					hash: 'arranged',
					recordedById: by
				}
			}
		}
	});
	await makeRatifiable(db, fx, decision.id);
	const action = await db.action.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			meetingId: live.id,
			decisionId: decision.id,
			text: 'Arranged',
			ownerOrganisationId: fx.organisations.health.id,
			createdById: by
		}
	});
	const turn = (started: boolean) =>
		db.contribution.create({
			data: {
				meetingId: live.id,
				agendaItemId: item.id,
				membershipId: fx.members.MEMBER.membershipId,
				type: 'CONTRIBUTION',
				requestedById: by,
				startedAt: started ? new Date() : null
			}
		});
	const waiting = await turn(false);
	const speaking = await turn(true);
	// Closed a week before, with minutes to approve at the live meeting, a survey the chair may
	// answer, and a turn the reviewer may code.
	const closed = await meetingIn(db, fx, 'CLOSED', '2026-05-28');
	const closedItem = await makeItem(db, closed.id);
	await db.meeting.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
	await storeMinutesText(db, closed.id, 'Minutes as written.');
	await markPresent(db, closed.id, [fx.members.MEMBER.membershipId], by);
	const spoken = await db.contribution.create({
		data: {
			meetingId: closed.id,
			agendaItemId: closedItem.id,
			membershipId: fx.members.MEMBER.membershipId,
			type: 'CONTRIBUTION',
			requestedById: by,
			startedAt: new Date(Date.now() - 60_000),
			endedAt: new Date()
		}
	});
	const at = new Date('2026-03-01T10:00:00Z');
	const priority = (status: 'SUBMITTED' | 'DECIDED') =>
		db.priority.create({
			data: {
				partnershipId: fx.partnership.id,
				raisedByBodyId: fx.bodies.forum.id,
				currentBodyId: fx.bodies.board.id,
				title: 'Arranged priority',
				said: 'Arranged',
				engagementMethod: 'WORKSHOP',
				status,
				lastEventAt: at,
				createdById: by,
				createdAt: at,
				events: {
					create: { type: 'RAISED', byBodyId: fx.bodies.forum.id, recordedById: by, at }
				}
			}
		});
	const submitted = await priority('SUBMITTED');
	const feedback = async (status: 'DRAFT' | 'PUBLISHED') =>
		db.feedback.create({
			data: {
				priorityId: (await priority('DECIDED')).id,
				weAsked: 'Arranged',
				youSaid: 'Arranged',
				weDid: 'Arranged',
				status,
				publishedAt: status === 'PUBLISHED' ? at : null,
				createdAt: at,
				updatedAt: at
			}
		});
	const bytes = Buffer.from('Arranged survey results\n');
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	await db.fileContent.createMany({
		data: [{ sha256, size: bytes.length, bytes }],
		skipDuplicates: true
	});
	const file = await db.priorityFile.create({
		data: {
			priorityId: submitted.id,
			name: 'survey.txt',
			type: 'text/plain; charset=utf-8',
			size: bytes.length,
			sha256,
			addedById: by,
			addedAt: new Date()
		}
	});
	const seat = await db.bodySeat.create({
		data: {
			bodyId: fx.bodies.theme.id,
			membershipId: fx.members.REVIEWER.membershipId,
			role: 'MEMBER'
		}
	});
	const invitation = await db.invitation.create({
		data: {
			partnershipId: fx.partnership.id,
			email: 'arranged@example.org',
			role: 'MEMBER',
			organisationId: fx.organisations.tsi.id,
			tokenHash: 'arranged',
			invitedById: by,
			expiresAt: new Date(Date.now() + 86_400_000)
		}
	});
	const notification = await db.notification.create({
		data: { userId: by, partnershipId: fx.partnership.id, message: 'Arranged notification' }
	});
	const token = await as.ADMIN.post('/api/v1/me/tokens', { name: 'Arranged' });
	const failedMail = await db.outboundMail.create({
		data: {
			partnershipId: fx.partnership.id,
			to: fx.members.OBSERVER.email,
			subject: 'Arranged failed email',
			text: 'Arranged',
			kind: 'action_assigned',
			status: 'FAILED',
			attempts: 8
		}
	});
	// A forum's verdict is given by a member seated on the forum, so the member sends that case.
	await db.bodySeat.create({
		data: {
			bodyId: fx.bodies.forum.id,
			membershipId: fx.members.MEMBER.membershipId,
			role: 'MEMBER'
		}
	});
	const indicator = await makeIndicator(db, fx);
	const published = await feedback('PUBLISHED');
	// A resident's confirmed comment on the published response, waiting for the officers.
	const comment = await db.residentComment.create({
		data: {
			partnershipId: fx.partnership.id,
			feedbackId: published.id,
			priorityId: published.priorityId,
			email: 'resident@example.org',
			text: 'Arranged comment',
			tokenHash: 'arranged-comment',
			expiresAt: new Date(Date.now() + 86_400_000),
			confirmedAt: new Date(),
			status: 'AWAITING_MODERATION',
			network: '192.0.2.0/24'
		}
	});
	return {
		organisation: fx.organisations.health.id,
		council: fx.organisations.council.id,
		outcome: indicator.outcomeId,
		indicator: indicator.id,
		risk: (await makeRisk(db, fx)).id,
		planned: planned.id,
		paper: paper.id,
		live: live.id,
		item: item.id,
		challenge: challenge.id,
		decision: decision.id,
		action: action.id,
		waiting: waiting.id,
		speaking: speaking.id,
		closed: closed.id,
		spoken: spoken.id,
		priority: submitted.id,
		file: file.id,
		draft: (await feedback('DRAFT')).id,
		published: published.id,
		publishedPriority: published.priorityId,
		residentComment: comment.id,
		seat: seat.id,
		invitation: invitation.id,
		notification: notification.id,
		failedMail: failedMail.id,
		token: token.json.id as string
	};
}

interface Case {
	/** Who sends it: someone whose role lets them use the route (the partnership's admin by default). */
	as?: PartnershipRole;
	/** The path's parameters, naming real records. */
	params?: () => Record<string, string>;
	/** A body the route would accept; each bad value replaces one part of it. */
	body?: () => unknown;
	/** A query the route would accept. */
	query?: () => Record<string, string>;
	/**
	 * Body fields the domain reads only in some states (so an id of no record in them is ignored rather
	 * than refused in the state the body is in), each with why; every other bad value is still sent.
	 */
	readOnlyWhen?: Record<string, string>;
	/** A route with nothing to send a bad value in says why. */
	noInput?: string;
	/**
	 * An audit action the route rightly writes for input that passes validation but fails a check (a
	 * wrong current password is recorded); those events are left out of the count, every other is not.
	 */
	audits?: string;
}

const slug = () => ({ slug: 'alpha' });
const id = (key: keyof typeof r) => () => ({ id: r[key] });
const inSlug = (key: keyof typeof r) => () => ({ slug: 'alpha', id: r[key] });
const board = () => ({ bodyId: fx.bodies.board.id });

/** Every route of the OpenAPI document, by operationId. */
const CASES: Record<string, Case> = {
	login: { body: () => ({ email: fx.members.OBSERVER.email, password: 'not the password' }) },
	logout: { noInput: 'takes no body, query or path parameter' },
	me: { noInput: 'takes no body, query or path parameter' },
	changePassword: {
		// A wrong current password, so a bad new one that slipped through validation would still
		// change nothing (and the admin's session stays).
		body: () => ({ currentPassword: 'not the password', newPassword: 'a-new-password-2026' }),
		audits: 'password_check_failed'
	},
	listSessions: { noInput: 'takes no body, query or path parameter' },
	endSession: { params: () => ({ id: 'a-session-of-nobody-at-all' }) },
	listTokens: { noInput: 'takes no body, query or path parameter' },
	createToken: { body: () => ({ name: 'Reporting' }) },
	revokeToken: { params: id('token') },
	getMailPreferences: { noInput: 'takes no body, query or path parameter' },
	setMailPreferences: { body: () => ({ survey_open: 'DIGEST', agenda_issued: 'OFF' }) },
	getCalendarFeed: { noInput: 'takes no body, query or path parameter' },
	newCalendarFeed: { noInput: 'takes no body, query or path parameter' },
	listOutbox: { params: slug },
	retryMail: { params: inSlug('failedMail') },
	partnerships: { noInput: 'takes no body, query or path parameter' },
	structure: { params: slug },
	listOrganisations: { params: slug },
	createOrganisation: { params: slug, body: () => ({ name: 'New partner', sector: 'OTHER' }) },
	updateOrganisation: {
		params: () => ({ slug: 'alpha', id: fx.organisations.community.id }),
		body: () => ({ name: 'Renamed partner', sector: 'COMMUNITY', statutory: false })
	},
	listBodies: { params: slug },
	createBody: {
		params: slug,
		body: () => ({
			name: 'New group',
			kind: 'OTHER',
			parentId: fx.bodies.board.id,
			leadOrganisationId: fx.organisations.health.id,
			remit: 'Remit',
			quorum: 3
		})
	},
	updateBody: {
		params: () => ({ slug: 'alpha', id: fx.bodies.forum.id }),
		body: () => ({ name: 'Renamed forum', remit: 'Remit', quorum: 2 })
	},
	addSeat: {
		params: () => ({ slug: 'alpha', id: fx.bodies.forum.id }),
		body: () => ({ membershipId: fx.members.OBSERVER.membershipId, role: 'MEMBER' })
	},
	endSeat: { params: inSlug('seat') },
	listMembers: { params: slug },
	removeMember: { params: () => ({ slug: 'alpha', id: fx.members.OBSERVER.membershipId }) },
	getMember: { params: () => ({ slug: 'alpha', id: fx.members.MEMBER.membershipId }) },
	updateMember: {
		params: () => ({ slug: 'alpha', id: fx.members.OBSERVER.membershipId }),
		body: () => ({
			title: 'Officer',
			organisationId: fx.organisations.tsi.id,
			capacity: 'OF_ORGANISATION',
			standing: 'ELECTED_MEMBER',
			delegatedAuthority: true,
			authorityNote: 'Note'
		})
	},
	listInvitations: { params: slug },
	createInvitation: {
		params: slug,
		body: () => ({
			email: 'invited@example.org',
			name: 'Invited Person',
			role: 'MEMBER',
			organisationId: fx.organisations.tsi.id,
			title: 'Officer',
			standing: 'OFFICER'
		})
	},
	revokeInvitation: { params: inSlug('invitation') },
	getDelegationScheme: { params: board },
	writeDelegationScheme: {
		params: board,
		body: () => ({
			mayDecide: 'Shared decisions on the plan',
			financialLimitPounds: 250000,
			reservedMatters: ['Changes to the plan']
		})
	},
	listMeetings: { params: board },
	scheduleMeeting: {
		params: board,
		body: () => ({
			title: 'Board',
			startsAt: '2026-10-01T10:00',
			durationMinutes: 90,
			place: 'Town hall',
			onlineLink: 'https://meet.example.org/board',
			jointBodyIds: [fx.bodies.theme.id]
		})
	},
	getMeeting: { params: id('planned') },
	issueAgenda: { params: id('planned') },
	rescheduleMeeting: {
		params: id('planned'),
		body: () => ({
			startsAt: '2026-09-10T10:00',
			durationMinutes: 90,
			place: 'Town hall',
			onlineLink: 'https://meet.example.org/board'
		})
	},
	cancelMeeting: { params: id('planned'), body: () => ({ reason: 'Not quorate' }) },
	changeJointBody: {
		params: id('planned'),
		body: () => ({ bodyId: fx.bodies.theme.id, change: 'ADD' })
	},
	closeMeeting: { params: id('live') },
	getMinutes: { params: id('closed') },
	approveMinutes: { params: id('closed'), body: () => ({ atMeetingId: r.live }) },
	listEvidence: { params: id('planned') },
	addPaper: {
		params: id('planned'),
		body: () => ({
			title: 'Restricted',
			kind: 'RISK',
			sourceOrganisationId: fx.organisations.council.id,
			allowedOrganisationIds: [fx.organisations.health.id]
		})
	},
	setEvidenceOrganisations: {
		params: () => ({ id: r.planned, itemId: r.paper }),
		body: () => ({ allowedOrganisationIds: [fx.organisations.council.id] })
	},
	uploadEvidenceFile: { params: () => ({ id: r.planned, itemId: r.paper }) },
	downloadEvidenceFile: { params: () => ({ id: r.planned, itemId: r.paper }) },
	getSurvey: { params: id('closed'), as: 'MEMBER' },
	answerSurvey: {
		as: 'MEMBER',
		params: id('closed'),
		body: () => ({ answers: { scrutiny: 4 }, comment: 'Good meeting' })
	},
	listChallenges: { params: id('live'), query: () => ({ agendaItemId: r.item }) },
	listChallengesOnEvidence: { params: () => ({ id: r.planned, itemId: r.paper }) },
	raiseChallenge: {
		params: id('live'),
		body: () => ({
			agendaItemId: r.item,
			raisedByMembershipId: fx.members.MEMBER.membershipId,
			directedToOrganisationId: fx.organisations.health.id,
			target: 'DECISION',
			kind: 'RISK',
			text: 'What if it fails?',
			quote: 'It will not fail'
		})
	},
	respondToChallenge: {
		params: id('challenge'),
		body: () => ({
			respondedByMembershipId: fx.members.MEMBER.membershipId,
			text: 'Answered',
			status: 'ANSWERED',
			effect: 'NONE'
		})
	},
	recordDecision: {
		params: id('live'),
		body: () => ({
			agendaItemId: r.item,
			outcome: 'AGREED',
			method: 'VOTE',
			votes: { for: 3, against: 1, abstained: 0 },
			dissent: [{ membershipId: fx.members.MEMBER.membershipId, reason: 'Too costly' }],
			alternatives: 'Waiting a year',
			commitments: [{ organisationId: fx.organisations.health.id, text: 'Fund it' }],
			delegation: { amountPounds: 25000, reservedMatters: [] },
			proceedWithoutQuorum: true
		})
	},
	amendDecision: {
		params: id('decision'),
		body: () => ({
			outcome: 'NOTED',
			method: 'CONSENSUS',
			alternatives: 'None',
			proceedWithoutQuorum: true
		})
	},
	getDecision: { params: id('decision') },
	getDecisionVersion: { params: () => ({ id: r.decision, version: '1' }) },
	searchDecisions: {
		params: slug,
		query: () => ({
			q: 'board',
			bodyId: fx.bodies.board.id,
			outcome: 'AGREED',
			organisationId: fx.organisations.health.id,
			from: '2026-01-01',
			to: '2026-12-31'
		})
	},
	addAction: {
		params: id('decision'),
		body: () => ({
			text: 'Report back',
			ownerOrganisationId: fx.organisations.health.id,
			ownerMembershipId: fx.members.MEMBER.membershipId,
			dueOn: '2026-12-01'
		})
	},
	updateAction: { params: id('action'), body: () => ({ status: 'DONE' }) },
	listActions: {
		params: slug,
		query: () => ({ status: 'OPEN', bodyId: fx.bodies.board.id })
	},
	mattersArising: { params: id('live') },
	meetingEvents: { params: id('live') },
	decisionsCsv: { params: slug },
	actionsCsv: { params: slug },
	startMeeting: { params: id('planned') },
	setCurrentItem: { params: id('live'), body: () => ({ agendaItemId: r.item }) },
	getAttendance: { params: id('live') },
	recordAttendance: {
		params: id('live'),
		body: () => ({ membershipId: fx.members.OBSERVER.membershipId, status: 'PRESENT' }),
		readOnlyWhen: {
			substituteForId: 'the status is SUBSTITUTE_FOR',
			substituteId: 'the status is APOLOGIES'
		}
	},
	listDeclarations: { params: id('live') },
	declareInterest: {
		params: id('live'),
		body: () => ({
			agendaItemId: r.item,
			membershipId: fx.members.MEMBER.membershipId,
			nature: 'Trustee of an applicant',
			action: 'REMAINED'
		})
	},
	getSpeakers: { params: id('live') },
	requestToSpeak: {
		params: id('live'),
		body: () => ({
			membershipId: fx.members.MEMBER.membershipId,
			agendaItemId: r.item,
			type: 'QUESTION'
		})
	},
	startTurn: { params: id('waiting'), body: () => ({ type: 'QUESTION' }) },
	endTurn: { params: id('speaking'), body: () => ({ summary: 'Asked about the cost' }) },
	cancelRequest: { params: id('waiting') },
	recordCodes: {
		as: 'REVIEWER',
		params: id('spoken'),
		body: () => ({
			quote: 'We heard from a family',
			codes: [{ category: 'storytelling', value: 1, notApplicable: false, note: 'A story' }]
		})
	},
	listCodes: { params: id('closed') },
	codesCsv: { params: id('closed') },
	reviewPseudonyms: { params: id('closed') },
	publishReview: { params: id('closed') },
	reopenReview: { params: id('closed'), body: () => ({ reason: 'A coder found a mistake' }) },
	addReviewNote: { params: id('closed'), body: () => ({ text: 'Arranged note' }) },
	listNotifications: { noInput: 'takes no body, query or path parameter' },
	markNotificationRead: { params: id('notification') },
	publicForumResponses: { params: () => ({ slug: 'alpha', bodyId: fx.bodies.forum.id }) },
	publicResponses: { params: slug },
	publicForumVoice: { params: () => ({ slug: 'alpha', bodyId: fx.bodies.forum.id }) },
	supportPriority: {
		params: () => ({ slug: 'alpha', bodyId: fx.bodies.forum.id, priorityId: r.publishedPriority }),
		body: () => ({ email: 'supporter@example.org', firstName: 'Isla', area: 'Riverside' })
	},
	commentOnResponse: {
		params: () => ({ slug: 'alpha', bodyId: fx.bodies.forum.id, feedbackId: r.published }),
		body: () => ({ email: 'commenter@example.org', text: 'A comment', firstName: 'Isla' })
	},
	confirmResidentVoice: { body: () => ({ token: 'x'.repeat(43) }) },
	residentCommentQueue: { params: slug },
	moderateResidentComment: {
		params: id('residentComment'),
		body: () => ({ decision: 'REJECT', reason: 'OFF_TOPIC' })
	},
	priorityResidentVoice: { params: id('priority') },
	trace: {
		params: slug,
		query: () => ({
			from: '2026-01-01',
			to: '2026-12-31',
			forum: fx.bodies.forum.id,
			theme: 'Housing'
		})
	},
	traceCsv: {
		params: slug,
		query: () => ({ from: '2026-01-01', to: '2026-12-31', forum: fx.bodies.forum.id })
	},
	stalledPriorities: { params: slug, query: () => ({ days: '30' }) },
	decisionsWithoutCommunityInput: {
		params: slug,
		query: () => ({ from: '2026-01-01', to: '2026-12-31' })
	},
	timeToDecision: { params: slug },
	meetingReview: { params: id('closed') },
	reviewMeasuresCsv: { params: id('closed'), query: () => ({ section: 'scrutiny' }) },
	reviewTrends: { params: board },
	reviewSummary: { params: slug, query: () => ({ from: '2026-01-01', to: '2026-12-31' }) },
	openapi: { noInput: 'takes no body, query or path parameter' },
	listPriorities: { params: () => ({ bodyId: fx.bodies.forum.id }) },
	listReferrals: { params: () => ({ bodyId: fx.bodies.theme.id }) },
	raisePriority: {
		params: () => ({ bodyId: fx.bodies.forum.id }),
		body: () => ({
			title: 'Warm spaces',
			said: 'People asked for warm spaces',
			area: 'Northfield',
			theme: 'Housing',
			engagement: {
				method: 'WORKSHOP',
				from: '2026-01-10',
				to: '2026-01-20',
				participants: 40,
				groupsReached: 'Older people',
				groupsNotReached: 'Young people'
			}
		})
	},
	getPriority: { params: id('priority') },
	recordPriorityEvent: {
		params: id('priority'),
		body: () => ({
			type: 'ACCEPTED',
			leadOrganisationId: fx.organisations.health.id,
			influenceDeclared: 'CONSULT',
			hearBackBy: '2199-01-01'
		})
	},
	addPriorityFile: { params: id('priority') },
	downloadPriorityFile: { params: () => ({ id: r.priority, fileId: r.file }) },
	updateFeedback: {
		params: id('draft'),
		body: () => ({
			weAsked: 'Asked',
			youSaid: 'Said',
			weDid: 'Did',
			nextSteps: 'Next',
			hearAgainBy: '2026-12-01'
		})
	},
	publishFeedback: { params: id('draft') },
	giveFeedbackVerdict: {
		as: 'MEMBER',
		params: id('published'),
		body: () => ({ verdict: 'CONTESTED', note: 'Not what we asked' })
	},
	listOutcomes: { params: slug },
	createOutcome: {
		params: slug,
		body: () => ({ kind: 'LOIP', code: 'L9', title: 'Warm homes', bodyId: fx.bodies.board.id })
	},
	tagActionOutcomes: { params: id('action'), body: () => ({ outcomeIds: [] }) },
	getOutcome: { params: id('outcome') },
	partnerAccount: { params: inSlug('organisation') },
	annualReport: { params: slug, query: () => ({ year: '2025' }) },
	writeStatement: {
		params: inSlug('council'),
		body: () => ({ year: 2026, text: 'The community plan shapes our corporate plan.' })
	},
	defineIndicator: {
		params: id('outcome'),
		body: () => ({
			name: 'Adults in work',
			unit: '%',
			sourceOrganisationId: fx.organisations.council.id,
			geography: 'Whole area',
			direction: 'UP',
			baselineValue: 70,
			baselineOn: '2025-04-01',
			targetValue: 75,
			targetOn: '2030-03-31'
		})
	},
	recordRatification: {
		params: id('decision'),
		body: () => ({
			organisationId: fx.organisations.council.id,
			ratifiedOn: '2026-03-31',
			ratifiedBy: 'Council policy committee',
			reference: 'PC/26/14'
		})
	},
	getAction: { params: id('action') },
	reportProgress: {
		params: id('action'),
		body: () => ({
			on: '2026-03-31',
			note: 'Venues booked',
			percent: 40,
			milestone: 'Venues',
			blockers: 'Transport',
			status: 'IN_PROGRESS'
		})
	},
	commitResources: {
		params: id('action'),
		body: () => ({
			organisationId: fx.organisations.council.id,
			money: 5000,
			staffDays: 10,
			note: 'From the community learning budget'
		})
	},
	importReadings: {
		params: id('indicator'),
		body: () => ({ csv: 'date,value,source\n2026-02-28,11,Annual survey\n', confirm: true })
	},
	listRisks: {
		params: slug,
		query: () => ({ owner: fx.organisations.council.id, band: 'HIGH' })
	},
	defineRisk: {
		params: slug,
		body: () => ({
			title: 'Partners’ savings squeeze the pooled fund',
			description: 'Savings of 3% to 6% next year.',
			ownerOrganisationId: fx.organisations.council.id,
			likelihood: 4,
			impact: 3,
			controls: 'Contributions agreed a year ahead.',
			nextReviewOn: '2199-01-01',
			outcomeIds: [],
			decisionIds: [],
			actionIds: []
		})
	},
	getRisk: { params: id('risk') },
	editRisk: {
		params: id('risk'),
		body: () => ({
			title: 'Partners’ savings squeeze the pooled fund further',
			description: 'Savings of 5% to 8% next year.',
			outcomeIds: [],
			decisionIds: [],
			actionIds: []
		})
	},
	recordRiskReview: {
		params: id('risk'),
		body: () => ({
			likelihood: 2,
			impact: 3,
			controls: 'Revised controls',
			note: 'Two partners signalled cuts',
			nextReviewOn: '2199-01-01',
			closed: false
		})
	},
	recordReading: {
		params: id('indicator'),
		body: () => ({ value: 12.5, on: '2026-03-31', source: 'Annual survey', note: 'First year' })
	}
};

/** Bad values for a path parameter: out of range, far too long, not an id, odd characters. */
function badParams(name: string): Bad[] {
	const common: Bad[] = [
		{ label: '5000 characters', value: 'a'.repeat(5000) },
		{ label: 'NUL', value: '%00' },
		{ label: 'a bidi override', value: 'aaaaaaaaaaaa%E2%80%AEaaaaaaaaaaaa' },
		{ label: 'a broken escape', value: '%E0%A4%A' },
		{ label: 'a lone surrogate, as CESU-8 bytes', value: 'aaaaaaaaaaaaaaaaaaaa%ED%A0%80' }
	];
	if (name === 'version')
		return [
			...common,
			...['99999999999999999999', '2147483648', '9007199254740993', '-1', '0', '1.5']
				.concat(['NaN', 'Infinity', '1e3', '01', '+1', ' 1'])
				.map((v) => ({ label: v, value: encodeURIComponent(v) }))
		];
	if (name === 'slug')
		return [
			...common,
			{ label: 'no partnership', value: 'no-such-partnership' },
			{ label: 'capitals', value: 'ALPHA' }
		];
	return [
		...common,
		{ label: 'twenty nines', value: '99999999999999999999' },
		{ label: 'no record', value: 'z'.repeat(24) },
		{ label: 'capitals', value: 'A'.repeat(24) },
		{ label: '16 characters', value: 'a'.repeat(16) }
	];
}

interface Attempt {
	what: string;
	method: string;
	path: string;
	query?: Record<string, string>;
	/** A string is sent as it is (for malformed JSON); anything else as JSON. */
	body?: unknown;
	form?: () => FormData;
	headers?: Record<string, string>;
}

function pathOf(template: string, params: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (_, name) => {
		if (!(name in params)) throw new Error(`no value for {${name}} in ${template}`);
		return params[name];
	});
}

/** What to send to one route: its path ids, query and body each made bad in turn. */
function attempts(method: string, template: string, op: Operation, c: Case): Attempt[] {
	const g = generator(SEED ^ hash(op.operationId));
	const params = c.params?.() ?? {};
	const query = c.query?.() ?? {};
	const base = c.body?.();
	const json = op.requestBody?.content['application/json']?.schema;
	const upload = op.requestBody?.content['multipart/form-data'];
	const path = pathOf(template, params);
	const list: Attempt[] = [];
	const M = method.toUpperCase();
	const send = (what: string, extra: Partial<Attempt>) =>
		list.push({
			what,
			method: M,
			path,
			query,
			...(json ? { body: base } : {}),
			...(upload ? { form: () => csvForm() } : {}),
			...extra
		});

	for (const name of Object.keys(params))
		for (const bad of g.shuffle(badParams(name)).slice(0, PER_FIELD))
			send(`path {${name}} ${bad.label}`, {
				path: pathOf(template, { ...params, [name]: String(bad.value) })
			});

	for (const parameter of op.parameters ?? []) {
		if (parameter.in !== 'query') continue;
		for (const bad of g.shuffle(g.badValues(parameter.schema, true)).slice(0, PER_FIELD))
			send(`query ${parameter.name}: ${bad.label}`, {
				query: { ...query, [parameter.name]: String(bad.value) }
			});
	}

	if (json) {
		for (const field of g.fields(json, base))
			for (const bad of g.shuffle(g.badValues(field.schema)).slice(0, PER_FIELD))
				if (!(bad.reachesDomain && c.readOnlyWhen?.[field.path.join('.')]))
					send(`body ${field.path.join('.')}: ${bad.label}`, {
						body: setAt(base, field.path, bad.value)
					});
		const extra = (key: string, value: unknown) => ({ ...(base as object), [key]: value });
		const whole: Bad[] = [
			{ label: 'malformed JSON', value: '{"a":' },
			{ label: 'a JSON string', value: '"text"' },
			{ label: 'JSON null', value: 'null' },
			{ label: 'a number', value: '42' },
			{ label: 'an array', value: [base] },
			{ label: 'lists nested 10 000 deep', value: '['.repeat(10_000) + ']'.repeat(10_000) },
			{ label: 'objects nested 3000 deep', value: '{"a":'.repeat(3000) + '1' + '}'.repeat(3000) },
			{ label: 'an extra field nested 200 deep', value: extra('extra', g.deep(200)) },
			{ label: 'an extra field with a lone surrogate', value: extra('extra', 'x\ud800y') },
			{ label: 'a lone surrogate in an extra field’s name', value: extra('x\udc00y', 1) },
			{ label: 'NUL in an extra field', value: extra('extra', 'x\u0000y') },
			{ label: 'a body over 64 KiB', value: extra('extra', 'x'.repeat(70_000)) },
			{ label: 'a body of 2 MiB', value: extra('extra', 'x'.repeat(2 * 1024 * 1024)) }
		];
		for (const bad of whole) send(`whole body: ${bad.label}`, { body: bad.value });
	}

	if (upload) {
		send('JSON instead of a file', { form: undefined, body: { file: 'not a file' } });
		send('a form with no file', { form: () => textForm('other', 'x') });
		send('the file field as text', { form: () => textForm('file', 'x\u202ey') });
		send('an empty file', { form: () => csvForm('') });
	}
	return g.shuffle(list);
}

function csvForm(text = 'a,b\n1,2\n'): FormData {
	const form = new FormData();
	form.append('file', new File([new TextEncoder().encode(text)], 'survey.csv'));
	return form;
}

function textForm(name: string, value: string): FormData {
	const form = new FormData();
	form.append(name, value);
	return form;
}

function hash(text: string): number {
	let h = 0;
	for (const c of text) h = (Math.imul(h, 31) + c.codePointAt(0)!) | 0;
	return h;
}

/** How many rows every table holds: a refused request changes none of them. */
async function rowCounts(allowedAudit?: string): Promise<Record<string, number>> {
	const tables = await server.db.$queryRawUnsafe<{ name: string }[]>(
		"SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' " +
			"AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%' AND table_name <> 'DailyRun'"
	);
	// A wrong sign-in password is audited without the answer waiting for it (sign-in.ts), so those
	// events may land while a later route is sent: they are never counted. Nor is the server's own daily
	// run (action-due email: its DailyRun row and audit event), which lands when the day's hour comes, not
	// because of any request. They are counted in the same statement as the tables, so one landing between
	// two queries cannot make the count seem to drop.
	const allowed = [
		'sign_in_failed',
		'action_due_mail_queued',
		...(allowedAudit ? [allowedAudit] : [])
	];
	const ALLOWED = 'AuditEvent allowed';
	const rows = await server.db.$queryRawUnsafe<{ name: string; n: bigint }[]>(
		[
			...tables.map((t) => `SELECT '${t.name}' AS name, COUNT(*) AS n FROM "${t.name}"`),
			`SELECT '${ALLOWED}' AS name, COUNT(*) AS n FROM "AuditEvent" WHERE action IN (${allowed.map((a) => `'${a}'`).join(', ')})`
		].join(' UNION ALL ')
	);
	// Sessions come and go with sign-in attempts' throttling aside; everything else must stand still.
	const counts = Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
	counts.AuditEvent -= counts[ALLOWED];
	delete counts[ALLOWED];
	return counts;
}

async function sendAttempt(client: Client, attempt: Attempt) {
	const search = new URLSearchParams(attempt.query ?? {}).toString();
	const url = attempt.path + (search ? `?${search}` : '');
	if (attempt.form)
		return client.request(attempt.method, url, attempt.form(), { origin: server.url });
	return client.request(attempt.method, url, attempt.body);
}

/** Runs `work` over `items`, `PARALLEL` at a time. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: PARALLEL }, async () => {
			while (next < items.length) await work(items[next++]);
		})
	);
}

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	for (const role of ['ADMIN', 'MEMBER', 'REVIEWER'] as const)
		as[role] = await signedIn(server.url, fx.members[role].email, PASSWORD);
	r = await arrange();
	const res = await new Client(server.url).get('/api/v1/openapi.json');
	expect(res.status).toBe(200);
	doc = res.json;
}, 60_000);
afterAll(() => server?.stop());

const operations = () =>
	Object.entries(doc.paths).flatMap(([path, methods]) =>
		Object.entries(methods).map(([method, op]) => ({ method, path, op }))
	);

describe('every route of the OpenAPI document, sent bad input', () => {
	it('has a case here (or a reason it takes no input)', () => {
		const missing = operations()
			.filter(({ op }) => !CASES[op.operationId])
			.map(({ method, path, op }) => `${op.operationId} (${method.toUpperCase()} ${path})`);
		expect(missing, 'routes with no case in bad-input.test.ts').toEqual([]);
		const stale = Object.keys(CASES).filter(
			(name) => !operations().some(({ op }) => op.operationId === name)
		);
		expect(stale, 'cases for routes the document no longer has').toEqual([]);
	});

	it('answers each bad value with 4xx in the error shape and writes nothing', async () => {
		const failures: string[] = [];
		let sent = 0;
		for (const { method, path, op } of operations()) {
			const c = CASES[op.operationId];
			if (!c || c.noInput) continue;
			const list = attempts(method, path, op, c);
			const client = as[c.as ?? 'ADMIN'];
			const before = await rowCounts(c.audits);
			await inParallel(list, async (attempt) => {
				const res = await sendAttempt(client, attempt);
				sent++;
				const shaped =
					typeof res.json?.error?.code === 'string' && typeof res.json?.error?.message === 'string';
				if (res.status < 400 || res.status > 499 || !shaped)
					failures.push(
						`${op.operationId} ${attempt.what} → ${res.status} ${res.text.slice(0, 160).replace(/\s+/g, ' ')}`
					);
			});
			const after = await rowCounts(c.audits);
			for (const table of Object.keys(after))
				if (after[table] !== before[table])
					failures.push(
						`${op.operationId}: ${table} went from ${before[table]} to ${after[table]} rows`
					);
		}
		console.log(`seed ${SEED}: ${sent} requests`);
		expect(failures, `seed ${SEED}, ${sent} requests`).toEqual([]);
		expect(sent).toBeGreaterThan(1500);
	}, 120_000);
});

/** The pages that read filters from their address, with the names they read. */
const PAGES: [path: () => string, names: string[], who?: PartnershipRole][] = [
	[() => '/p/alpha/decisions', ['q', 'bodyId', 'outcome', 'organisationId', 'from', 'to']],
	[() => '/p/alpha/trace', ['from', 'to', 'forum', 'theme', 'partner', 'days']],
	[() => '/p/alpha/priorities', ['forum', 'status', 'theme']],
	[() => '/p/alpha/actions', ['status', 'bodyId']],
	[() => '/p/alpha/review', ['from', 'to']],
	[() => '/public/alpha/decisions', ['q', 'bodyId', 'outcome', 'from', 'to']],
	[() => `/p/alpha/meetings/${r.closed}/review/coding`, ['c', 'i'], 'REVIEWER'],
	[() => `/p/alpha/meetings/${r.live}`, ['doc']],
	[() => `/p/alpha/meetings/${r.live}/live`, ['view']]
];
/** Already %-encoded, as they would arrive. */
const BAD_QUERY = [
	'%00',
	'x%E2%80%AEy',
	'%ED%A0%80',
	'99999999999999999999',
	'-1',
	'NaN',
	'toString',
	'__proto__',
	'constructor',
	'999999-01-01',
	'2026-02-30',
	'a'.repeat(3000)
];

describe('pages, sent bad filters in their address', () => {
	it('show the page or a 4xx, never a 5xx', async () => {
		const failures: string[] = [];
		// An inherited property's name (a lookup `in` a plain object takes it for a key), and three more
		// drawn by the seeded generator: pages are slow to render.
		const g = generator(SEED);
		const list = PAGES.flatMap(([path, names, who]) =>
			names.flatMap((name) =>
				['constructor', ...g.shuffle(BAD_QUERY.filter((v) => v !== 'constructor')).slice(0, 3)].map(
					(value) => ({ url: `${path()}?${name}=${value}`, who })
				)
			)
		);
		await inParallel(list, async ({ url, who }) => {
			const res = await as[who ?? 'ADMIN'].request('GET', url, undefined, { accept: 'text/html' });
			if (res.status >= 500) failures.push(`${url.slice(0, 120)} → ${res.status}`);
		});
		expect(failures).toEqual([]);
	}, 60_000);
});

describe('a form, sent text no field takes', () => {
	it('keeps the page with the message beside the field, and writes nothing', async () => {
		for (const [label, odd] of [
			['NUL', '\u0000'],
			['a right-to-left override', '\u202e'],
			['a pop directional isolate', '\u2069'],
			['a line break, in a one-line field', '\n']
		]) {
			const before = await rowCounts();
			const form = new FormData();
			form.append('name', `Partner${odd}name`);
			form.append('sector', 'OTHER');
			const res = await as.ADMIN.request('POST', '/p/alpha/organisations', form, {
				origin: server.url,
				accept: 'text/html'
			});
			expect(res.status, label).toBe(400);
			expect(res.text, label).toContain(
				'The organisation’s name contains characters that cannot be used'
			);
			expect(await rowCounts(), label).toEqual(before);
		}
	});

	it('stores a name NFC-normalised, so the same words are the same characters', async () => {
		const res = await as.ADMIN.post('/api/v1/partnerships/alpha/organisations', {
			name: 'Cafe\u0301 partners',
			sector: 'OTHER'
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json.name).toBe('Café partners');
		const stored = await server.db.organisation.findUniqueOrThrow({ where: { id: res.json.id } });
		expect(stored.name).toBe('Caf\u00e9 partners');
		// The decomposed spelling is the same name, so it is a duplicate.
		const again = await as.ADMIN.post('/api/v1/partnerships/alpha/organisations', {
			name: 'Caf\u00e9 partners',
			sector: 'OTHER'
		});
		expect(again.status, again.text).toBe(400);
	});
});

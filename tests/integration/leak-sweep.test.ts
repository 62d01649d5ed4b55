// The leak sweep: a paper restricted to the health board, with marker words in its title, summary, file and a
// passage quoted from it, is carried through a whole meeting with the real API and sync server: challenged
// with a quote, cited by a decision with actions, the meeting closed (minutes drafted), the minutes approved
// at the next meeting, a forum's priority answered with a drafted response that is then published, and the
// review published. After each step every GET route and every page of the app is fetched as each person of
// the partnership and signed out, and every shared document is read over the sync protocol as each person;
// the markers may appear only in what the health board's own people receive (access/restricted-material.ts).
//
// The routes swept are listed below by their folder under src/routes; a route file that is neither swept
// nor excluded with a reason fails the first test, so a route added later cannot escape the sweep.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaItems } from '../../src/lib/collab/agenda.ts';
import { decisionDrafts } from '../../src/lib/collab/decisions.ts';
import { documentName, restrictedEvidenceName } from '../../src/lib/collab/documents.ts';
import { evidenceItems, restrictedEvidenceItem } from '../../src/lib/collab/evidence.ts';
import { minutesMarkdown } from '../../src/lib/collab/minutes.ts';
import { dayInUk, reportingYearOf } from '../../src/lib/dates.ts';
import { Client } from '../support/client.ts';
import { makePartnership, ROLES, type Fixture } from '../support/factories.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { makeRisk } from '../support/outcomes.ts';
import { signedIn } from '../support/people.ts';
import { priorityInput, step } from '../support/priorities.ts';
import { makeItem, makeLiveMeeting, markPresent, seat, writeWording } from '../support/record.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { connect, waitFor } from '../support/sync.ts';

/** Words found nowhere else: one for each part of the paper that must not travel. */
const MARKERS = {
	title: 'Quokkavellum',
	summary: 'Zephyranthine',
	file: 'Marmosetrix',
	quote: 'Pangolinquest'
};
const TITLE = `${MARKERS.title} patient-level extract`;
const SUMMARY = `Admissions by postcode, ${MARKERS.summary} cohort`;
const FILE = `ward,admissions\n${MARKERS.file} ward,12\n`;
const QUOTE = `the ${MARKERS.quote} cohort doubled`;
/** Searched for in each register: a hit on either would say what the paper is about. */
const SEARCHED = [MARKERS.title, MARKERS.quote];
const WORDING = 'The board funds the Harbourside winter admissions pilot.';
/** The reporting year the sweep's record is made in (1 April to 31 March). */
const THIS_YEAR = reportingYearOf(dayInUk(new Date()));

/**
 * Every GET route (+server.ts) and page (+page.svelte) under src/routes, by folder, with the addresses it
 * is fetched at. The next meeting's pages and JSON that show matters arising and minutes are swept too.
 */
type Ids = {
	slug: string;
	meetings: string[];
	paperId: string;
	boardId: string;
	forumId: string;
	decisionId: string;
	actionId: string;
	priorityId: string;
	priorityFileId: string;
	membershipId: string;
	organisationId: string;
	outcomeId: string;
	riskId: string;
};
const m = (ids: Ids, path: (id: string) => string) => ids.meetings.map(path);
/** The record's own routes, at its meeting only: the next meeting has none of this record but matters arising. */
const first = (ids: Ids, path: (id: string) => string) => [path(ids.meetings[0])];
const SWEPT: Record<string, (ids: Ids) => string[]> = {
	// API
	'GET /api/v1/bodies/[bodyId=id]/delegation': (i) => [`/api/v1/bodies/${i.boardId}/delegation`],
	'GET /api/v1/bodies/[bodyId=id]/meetings': (i) => [`/api/v1/bodies/${i.boardId}/meetings`],
	'GET /api/v1/bodies/[bodyId=id]/referrals': (i) => [
		`/api/v1/bodies/${i.boardId}/referrals`,
		`/api/v1/bodies/${i.forumId}/referrals`
	],
	'GET /api/v1/bodies/[bodyId=id]/priorities': (i) => [
		`/api/v1/bodies/${i.forumId}/priorities`,
		`/api/v1/bodies/${i.boardId}/priorities`
	],
	'GET /api/v1/bodies/[bodyId=id]/review-trends': (i) => [
		`/api/v1/bodies/${i.boardId}/review-trends`
	],
	'GET /api/v1/decisions/[id=id]': (i) => [`/api/v1/decisions/${i.decisionId}`],
	'GET /api/v1/actions/[id=id]': (i) => [`/api/v1/actions/${i.actionId}`],
	'GET /api/v1/decisions/[id=id]/versions/[version]': (i) => [
		`/api/v1/decisions/${i.decisionId}/versions/1`
	],
	'GET /api/v1/me': () => ['/api/v1/me'],
	'GET /api/v1/me/notifications': () => ['/api/v1/me/notifications'],
	'GET /api/v1/me/tokens': () => ['/api/v1/me/tokens'],
	'GET /api/v1/me/mail-preferences': () => ['/api/v1/me/mail-preferences'],
	'GET /api/v1/me/calendar-feed': () => ['/api/v1/me/calendar-feed'],
	// Email composed for health's people names the paper; the outbox must not show it to anyone else.
	'GET /api/v1/partnerships/[slug=slug]/outbox': (i) => [`/api/v1/partnerships/${i.slug}/outbox`],
	'PAGE /p/[slug=slug]/outbox': (i) => [`/p/${i.slug}/outbox`],
	'GET /api/v1/me/sessions': () => ['/api/v1/me/sessions'],
	'GET /api/v1/meetings/[id=id]': (i) => m(i, (id) => `/api/v1/meetings/${id}`),
	'GET /api/v1/meetings/[id=id]/attendance': (i) =>
		first(i, (id) => `/api/v1/meetings/${id}/attendance`),
	'GET /api/v1/meetings/[id=id]/challenges': (i) =>
		m(i, (id) => `/api/v1/meetings/${id}/challenges`),
	'GET /api/v1/meetings/[id=id]/codes.csv': (i) =>
		first(i, (id) => `/api/v1/meetings/${id}/codes.csv`),
	'GET /api/v1/meetings/[id=id]/codes': (i) => first(i, (id) => `/api/v1/meetings/${id}/codes`),
	'GET /api/v1/meetings/[id=id]/review/pseudonyms': (i) =>
		first(i, (id) => `/api/v1/meetings/${id}/review/pseudonyms`),
	'GET /api/v1/meetings/[id=id]/contributions': (i) =>
		first(i, (id) => `/api/v1/meetings/${id}/contributions`),
	'GET /api/v1/meetings/[id=id]/declarations': (i) =>
		first(i, (id) => `/api/v1/meetings/${id}/declarations`),
	'GET /api/v1/meetings/[id=id]/evidence': (i) => m(i, (id) => `/api/v1/meetings/${id}/evidence`),
	'GET /api/v1/meetings/[id=id]/evidence/[itemId=id]/challenges': (i) => [
		`/api/v1/meetings/${i.meetings[0]}/evidence/${i.paperId}/challenges`
	],
	'GET /api/v1/meetings/[id=id]/evidence/[itemId=id]/file': (i) => [
		`/api/v1/meetings/${i.meetings[0]}/evidence/${i.paperId}/file`
	],
	'GET /api/v1/meetings/[id=id]/matters-arising': (i) =>
		m(i, (id) => `/api/v1/meetings/${id}/matters-arising`),
	'GET /api/v1/meetings/[id=id]/minutes': (i) => m(i, (id) => `/api/v1/meetings/${id}/minutes`),
	'GET /api/v1/meetings/[id=id]/review': (i) => first(i, (id) => `/api/v1/meetings/${id}/review`),
	'GET /api/v1/meetings/[id=id]/review/measures.csv': (i) =>
		first(i, (id) => `/api/v1/meetings/${id}/review/measures.csv`),
	'GET /api/v1/meetings/[id=id]/survey': (i) => first(i, (id) => `/api/v1/meetings/${id}/survey`),
	'GET /api/v1/openapi.json': () => ['/api/v1/openapi.json'],
	'GET /api/v1/partnerships': () => ['/api/v1/partnerships'],
	'GET /api/v1/partnerships/[slug=slug]/actions.csv': (i) => [
		`/api/v1/partnerships/${i.slug}/actions.csv`
	],
	'GET /api/v1/partnerships/[slug=slug]/actions': (i) => [`/api/v1/partnerships/${i.slug}/actions`],
	'GET /api/v1/partnerships/[slug=slug]/bodies': (i) => [`/api/v1/partnerships/${i.slug}/bodies`],
	'GET /api/v1/partnerships/[slug=slug]/decisions.csv': (i) => [
		`/api/v1/partnerships/${i.slug}/decisions.csv`
	],
	// The register, and a search for each marker: a hit would itself say what the paper is about.
	'GET /api/v1/partnerships/[slug=slug]/decisions': (i) => [
		`/api/v1/partnerships/${i.slug}/decisions`,
		...SEARCHED.map((w) => `/api/v1/partnerships/${i.slug}/decisions?q=${w}`)
	],
	'GET /api/v1/partnerships/[slug=slug]/decisions/without-community-input': (i) => [
		`/api/v1/partnerships/${i.slug}/decisions/without-community-input`
	],
	'GET /api/v1/partnerships/[slug=slug]/invitations': (i) => [
		`/api/v1/partnerships/${i.slug}/invitations`
	],
	'GET /api/v1/partnerships/[slug=slug]/members': (i) => [`/api/v1/partnerships/${i.slug}/members`],
	'GET /api/v1/partnerships/[slug=slug]/members/[id=id]': (i) => [
		`/api/v1/partnerships/${i.slug}/members/${i.membershipId}`
	],
	'GET /api/v1/partnerships/[slug=slug]/organisations': (i) => [
		`/api/v1/partnerships/${i.slug}/organisations`
	],
	'GET /api/v1/partnerships/[slug=slug]/organisations/[id=id]/account': (i) => [
		`/api/v1/partnerships/${i.slug}/organisations/${i.organisationId}/account`
	],
	'GET /api/v1/partnerships/[slug=slug]/outcomes': (i) => [
		`/api/v1/partnerships/${i.slug}/outcomes`
	],
	'GET /api/v1/outcomes/[id=id]': (i) => [`/api/v1/outcomes/${i.outcomeId}`],
	'GET /api/v1/partnerships/[slug=slug]/risks': (i) => [`/api/v1/partnerships/${i.slug}/risks`],
	'GET /api/v1/risks/[id=id]': (i) => [`/api/v1/risks/${i.riskId}`],
	'GET /api/v1/partnerships/[slug=slug]/priorities/stalled': (i) => [
		`/api/v1/partnerships/${i.slug}/priorities/stalled`
	],
	'GET /api/v1/partnerships/[slug=slug]/priorities/time-to-decision': (i) => [
		`/api/v1/partnerships/${i.slug}/priorities/time-to-decision`
	],
	// The year the sweep's record falls in, as well as the default (the last year that has ended).
	'GET /api/v1/partnerships/[slug=slug]/annual-report': (i) => [
		`/api/v1/partnerships/${i.slug}/annual-report`,
		`/api/v1/partnerships/${i.slug}/annual-report?year=${THIS_YEAR}`
	],
	'GET /api/v1/partnerships/[slug=slug]/review-summary': (i) => [
		`/api/v1/partnerships/${i.slug}/review-summary`
	],
	'GET /api/v1/partnerships/[slug=slug]/structure': (i) => [
		`/api/v1/partnerships/${i.slug}/structure`
	],
	'GET /api/v1/partnerships/[slug=slug]/trace.csv': (i) => [
		`/api/v1/partnerships/${i.slug}/trace.csv`
	],
	'GET /api/v1/partnerships/[slug=slug]/trace': (i) => [`/api/v1/partnerships/${i.slug}/trace`],
	'GET /api/v1/priorities/[id=id]': (i) => [`/api/v1/priorities/${i.priorityId}`],
	'GET /api/v1/priorities/[id=id]/residents': (i) => [
		`/api/v1/priorities/${i.priorityId}/residents`
	],
	'GET /api/v1/partnerships/[slug=slug]/resident-comments': (i) => [
		`/api/v1/partnerships/${i.slug}/resident-comments`
	],
	'GET /api/v1/public/partnerships/[slug=slug]/forums/[bodyId=id]/voice': (i) => [
		`/api/v1/public/partnerships/${i.slug}/forums/${i.forumId}/voice`
	],
	'GET /api/v1/priorities/[id=id]/files/[fileId=id]': (i) => [
		`/api/v1/priorities/${i.priorityId}/files/${i.priorityFileId}`
	],
	'GET /api/v1/public/partnerships/[slug=slug]/forums/[bodyId=id]/responses': (i) => [
		`/api/v1/public/partnerships/${i.slug}/forums/${i.forumId}/responses`
	],
	'GET /api/v1/public/partnerships/[slug=slug]/responses': (i) => [
		`/api/v1/public/partnerships/${i.slug}/responses`
	],
	'GET /healthz': () => ['/healthz'],
	'GET /p/[slug=slug]/priorities/[id=id]/files/[fileId=id]': (i) => [
		`/p/${i.slug}/priorities/${i.priorityId}/files/${i.priorityFileId}`
	],
	// Pages
	'PAGE /': () => ['/'],
	'PAGE /login': () => ['/login'],
	'PAGE /notifications': () => ['/notifications'],
	'PAGE /settings': () => ['/settings'],
	'PAGE /p/[slug=slug]': (i) => [`/p/${i.slug}`],
	'PAGE /p/[slug=slug]/actions': (i) => [`/p/${i.slug}/actions`],
	'PAGE /p/[slug=slug]/actions/[id=id]': (i) => [`/p/${i.slug}/actions/${i.actionId}`],
	'PAGE /p/[slug=slug]/bodies': (i) => [`/p/${i.slug}/bodies`],
	'PAGE /p/[slug=slug]/bodies/[id=id]': (i) => [`/p/${i.slug}/bodies/${i.boardId}`],
	'PAGE /p/[slug=slug]/bodies/[id=id]/priorities': (i) => [
		`/p/${i.slug}/bodies/${i.forumId}/priorities`
	],
	'PAGE /p/[slug=slug]/bodies/[id=id]/review': (i) => [`/p/${i.slug}/bodies/${i.boardId}/review`],
	'PAGE /p/[slug=slug]/decisions': (i) => [
		`/p/${i.slug}/decisions`,
		...SEARCHED.map((w) => `/p/${i.slug}/decisions?q=${w}`)
	],
	'PAGE /p/[slug=slug]/decisions/[id=id]': (i) => [`/p/${i.slug}/decisions/${i.decisionId}`],
	'PAGE /p/[slug=slug]/invitations': (i) => [`/p/${i.slug}/invitations`],
	'PAGE /p/[slug=slug]/meetings/[id=id]': (i) => m(i, (id) => `/p/${i.slug}/meetings/${id}`),
	'PAGE /p/[slug=slug]/meetings/[id=id]/live': (i) =>
		m(i, (id) => `/p/${i.slug}/meetings/${id}/live`),
	// An endless stream: read until its first view arrives (STREAMS).
	'GET /p/[slug=slug]/meetings/[id=id]/live/events': (i) =>
		m(i, (id) => `/p/${i.slug}/meetings/${id}/live/events`),
	'PAGE /p/[slug=slug]/meetings/[id=id]/minutes': (i) =>
		m(i, (id) => `/p/${i.slug}/meetings/${id}/minutes`),
	'PAGE /p/[slug=slug]/meetings/[id=id]/pack': (i) =>
		m(i, (id) => `/p/${i.slug}/meetings/${id}/pack`),
	'PAGE /p/[slug=slug]/meetings/[id=id]/review': (i) =>
		first(i, (id) => `/p/${i.slug}/meetings/${id}/review`),
	'PAGE /p/[slug=slug]/meetings/[id=id]/review/coding': (i) =>
		first(i, (id) => `/p/${i.slug}/meetings/${id}/review/coding`),
	'PAGE /p/[slug=slug]/meetings/[id=id]/review/report': (i) =>
		first(i, (id) => `/p/${i.slug}/meetings/${id}/review/report`),
	'PAGE /p/[slug=slug]/meetings/[id=id]/review/pseudonyms': (i) =>
		first(i, (id) => `/p/${i.slug}/meetings/${id}/review/pseudonyms`),
	'PAGE /p/[slug=slug]/meetings/[id=id]/survey': (i) =>
		first(i, (id) => `/p/${i.slug}/meetings/${id}/survey`),
	'PAGE /p/[slug=slug]/members': (i) => [`/p/${i.slug}/members`],
	'PAGE /p/[slug=slug]/members/[id=id]': (i) => [`/p/${i.slug}/members/${i.membershipId}`],
	'PAGE /p/[slug=slug]/organisations': (i) => [`/p/${i.slug}/organisations`],
	'PAGE /p/[slug=slug]/organisations/[id=id]': (i) => [
		`/p/${i.slug}/organisations/${i.organisationId}`
	],
	'PAGE /p/[slug=slug]/organisations/[id=id]/account': (i) => [
		`/p/${i.slug}/organisations/${i.organisationId}/account`
	],
	'PAGE /p/[slug=slug]/outcomes': (i) => [`/p/${i.slug}/outcomes`],
	'PAGE /p/[slug=slug]/outcomes/[id=id]': (i) => [`/p/${i.slug}/outcomes/${i.outcomeId}`],
	'PAGE /p/[slug=slug]/risks': (i) => [`/p/${i.slug}/risks`],
	'PAGE /p/[slug=slug]/risks/[id=id]': (i) => [`/p/${i.slug}/risks/${i.riskId}`],
	'PAGE /p/[slug=slug]/priorities': (i) => [`/p/${i.slug}/priorities`],
	'PAGE /p/[slug=slug]/residents': (i) => [`/p/${i.slug}/residents`],
	'PAGE /p/[slug=slug]/priorities/[id=id]': (i) => [`/p/${i.slug}/priorities/${i.priorityId}`],
	'PAGE /p/[slug=slug]/review': (i) => [`/p/${i.slug}/review`],
	'PAGE /p/[slug=slug]/annual-report': (i) => [
		`/p/${i.slug}/annual-report`,
		`/p/${i.slug}/annual-report?year=${THIS_YEAR}`
	],
	'PAGE /p/[slug=slug]/structure': (i) => [`/p/${i.slug}/structure`],
	'PAGE /p/[slug=slug]/trace': (i) => [`/p/${i.slug}/trace`],
	'PAGE /public/[slug=slug]': (i) => [`/public/${i.slug}`],
	'PAGE /public/[slug=slug]/decisions': (i) => [
		`/public/${i.slug}/decisions`,
		...SEARCHED.map((w) => `/public/${i.slug}/decisions?q=${w}`)
	],
	'PAGE /public/[slug=slug]/forums': (i) => [`/public/${i.slug}/forums`],
	'PAGE /public/[slug=slug]/forums/[bodyId=id]': (i) => [`/public/${i.slug}/forums/${i.forumId}`],
	'PAGE /public/[slug=slug]/meetings/[id=id]': (i) =>
		m(i, (id) => `/public/${i.slug}/meetings/${id}`),
	'PAGE /public/[slug=slug]/meetings/[id=id]/live': (i) =>
		m(i, (id) => `/public/${i.slug}/meetings/${id}/live`),
	'GET /public/[slug=slug]/meetings/[id=id]/live/events': (i) =>
		m(i, (id) => `/public/${i.slug}/meetings/${id}/live/events`)
};

/** Routes left out of the sweep, each with the reason. */
const EXCLUDED: Record<string, string> = {
	'GET /api/v1/meetings/[id=id]/events':
		'an endless event stream; each event names only which part of the meeting changed (meetings/event-streams.ts), never text from the record',
	'PAGE /invitations/[token=id]':
		'reachable only with an invitation’s secret token; it shows the partnership and the role offered, nothing of any meeting',
	'PAGE /unsubscribe/[token]':
		'reachable only with a signed unsubscribe link; it names a kind of email and the address it goes to, nothing of any meeting',
	'PAGE /residents/confirm/[token]':
		'reachable only with a resident’s emailed one-time link; it names the priority’s title (already public on the forum’s page) and what is being confirmed, nothing of any meeting',
	'GET /calendar/[file]':
		'reachable only with a person’s secret feed address; it lists meetings’ titles, times, places and links (calendar/feed.ts), never a paper'
};

/** Every GET route and page under src/routes, named as SWEPT and EXCLUDED name them. */
function routeFiles(): string[] {
	const root = join(process.cwd(), 'src', 'routes');
	const found: string[] = [];
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const dir = entry.parentPath ?? (entry as unknown as { path: string }).path;
		const route = '/' + relative(root, dir).split(sep).join('/');
		const path = route === '/' ? '/' : route.replace(/\/$/, '');
		if (entry.name === '+page.svelte') found.push(`PAGE ${path}`);
		if (entry.name === '+server.ts') {
			const source = readFileSync(join(dir, entry.name), 'utf8');
			if (/export\s+(const|async\s+function|function)\s+GET\b/.test(source))
				found.push(`GET ${path}`);
		}
	}
	return found.sort();
}

let server: TestServer;
let fx: Fixture;
let ids: Ids;
/** Everyone the sweep reads as: the partnership's roles, people from three other partners, no one. */
const readers: { name: string; client: Client; named: boolean }[] = [];
let nhs: Client;
let officer: Client;
let chair: Client;
let forumMember: Client;
let nhsMembershipId: string;
let itemId: string;

beforeAll(async () => {
	server = await startServer({ env: { SYNC_PROJECTION_DEBOUNCE_MS: '20' } });
	fx = await makePartnership(server.db, 'sweep');
	const health = await makeMemberOf(server.db, fx, 'health');
	const tsi = await makeMemberOf(server.db, fx, 'tsi');
	const community = await makeMemberOf(server.db, fx, 'community');
	nhsMembershipId = health.membershipId;
	// The health board's member is the board's vice-chair: they add, challenge and record with the paper.
	await server.db.bodySeat.create({
		data: { bodyId: fx.bodies.board.id, membershipId: health.membershipId, role: 'VICE_CHAIR' }
	});
	await seat(server.db, fx.bodies.board.id, tsi.membershipId);
	await seat(server.db, fx.bodies.forum.id, community.membershipId, 'CHAIR');
	for (const role of ROLES)
		readers.push({
			name: role,
			client: await signedIn(server.url, fx.members[role].email),
			named: false
		});
	nhs = await signedIn(server.url, health.email);
	forumMember = await signedIn(server.url, community.email);
	readers.push(
		{ name: 'health board member', client: nhs, named: true },
		{ name: 'third sector member', client: await signedIn(server.url, tsi.email), named: false },
		{ name: 'forum chair', client: forumMember, named: false },
		{ name: 'signed out', client: new Client(server.url), named: false }
	);
	officer = readers.find((r) => r.name === 'SECRETARIAT')!.client;
	chair = readers.find((r) => r.name === 'MEMBER')!.client;

	const meeting = await makeLiveMeeting(server.db, fx);
	const next = await makeLiveMeeting(server.db, fx, {
		startsAt: new Date('2026-07-02T09:30:00Z'),
		status: 'AGENDA_ISSUED'
	});
	itemId = (await makeItem(server.db, meeting.id, 'Winter admissions')).id;
	await markPresent(
		server.db,
		meeting.id,
		[fx.members.MEMBER.membershipId, health.membershipId, tsi.membershipId],
		fx.members.SECRETARIAT.userId
	);
	ids = {
		slug: fx.partnership.slug,
		meetings: [meeting.id, next.id],
		paperId: '',
		boardId: fx.bodies.board.id,
		forumId: fx.bodies.forum.id,
		decisionId: '',
		actionId: '',
		priorityId: '',
		priorityFileId: '',
		membershipId: health.membershipId,
		organisationId: fx.organisations.health.id,
		outcomeId: (
			await server.db.outcome.create({
				data: {
					partnershipId: fx.partnership.id,
					kind: 'LOIP',
					code: 'L1',
					title: 'Fewer delayed discharges'
				}
			})
		).id,
		riskId: (await makeRisk(server.db, fx)).id
	};
}, 60_000);
afterAll(() => server?.stop());

/** Runs `work` over `list`, `size` at a time (the server has two cores to share with the test). */
async function inBatches<T, R>(list: T[], size: number, work: (t: T) => Promise<R>): Promise<R[]> {
	const out: R[] = [];
	for (let i = 0; i < list.length; i += size)
		out.push(...(await Promise.all(list.slice(i, i + size).map(work))));
	return out;
}

const markersIn = (text: string) =>
	Object.entries(MARKERS)
		.filter(([, word]) => text.toLowerCase().includes(word.toLowerCase()))
		.map(([part]) => part);

/** What each reader receives from every swept address: the markers found where they may not be. */
async function sweepRoutes(): Promise<{ leaks: string[]; seenByNamed: Map<string, string[]> }> {
	const addresses = Object.values(SWEPT).flatMap((urls) => urls(ids));
	const requests = readers.flatMap((reader) => addresses.map((path) => ({ reader, path })));
	const leaks: string[] = [];
	const seenByNamed = new Map<string, string[]>();
	await inBatches(requests, 24, async ({ reader, path }) => {
		// Event streams never end: what they send first (the view whole) is what is swept.
		const res = path.endsWith('/events')
			? await reader.client.firstEvent(path, 'snapshot')
			: await reader.client.get(path);
		expect(res.status, `${reader.name} GET ${path}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
		// A search page repeats the words searched for: those are the reader's own, not the paper's.
		const asked = new URL(path, server.url).searchParams.get('q');
		const text = asked ? res.text.replace(new RegExp(asked, 'gi'), '') : res.text;
		const found = markersIn(text);
		// A search that finds the decision by a marker leaks the paper even without quoting it.
		const hit = asked !== null && res.text.includes(WORDING);
		if (reader.named) seenByNamed.set(path, found);
		else {
			if (found.length) leaks.push(`${reader.name} GET ${path}: ${found.join(', ')}`);
			if (hit) leaks.push(`${reader.name} GET ${path}: the search matched the restricted paper`);
		}
	});
	return { leaks, seenByNamed };
}

/** The text of a shared document as a reader's stock y-websocket client receives it; null if refused. */
async function documentAs(client: Client, name: string): Promise<string | null> {
	const sync = connect(server.url, name, client.cookie);
	try {
		const refused = new Promise<'refused'>((resolve) => {
			sync.provider.on('connection-close', () => resolve('refused'));
			sync.provider.on('connection-error', () => resolve('refused'));
		});
		if ((await Promise.race([sync.synced.then(() => 'synced' as const), refused])) === 'refused')
			return null;
		const doc = sync.doc;
		const kind = name.split(':').slice(2).join(':');
		const shaped =
			kind === 'agenda'
				? agendaItems(doc).toJSON()
				: kind === 'evidence'
					? evidenceItems(doc).toJSON()
					: kind === 'decisions'
						? decisionDrafts(doc).toJSON()
						: kind === 'minutes'
							? minutesMarkdown(doc)
							: restrictedEvidenceItem(doc).toJSON();
		return JSON.stringify(shaped) + Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8');
	} finally {
		sync.destroy();
	}
}

async function sweepDocuments(): Promise<{ leaks: string[]; seenByNamed: Map<string, string[]> }> {
	const names = ids.meetings.flatMap((id) => [
		...(['agenda', 'evidence', 'decisions', 'minutes'] as const).map((k) => documentName(id, k)),
		...(id === ids.meetings[0] && ids.paperId ? [restrictedEvidenceName(id, ids.paperId)] : [])
	]);
	const leaks: string[] = [];
	const seenByNamed = new Map<string, string[]>();
	await inBatches(
		readers.flatMap((reader) => names.map((name) => ({ reader, name }))),
		// Each stock provider adds a listener to the process; Node warns past ten at once.
		8,
		async ({ reader, name }) => {
			const text = await documentAs(reader.client, name);
			const found = text === null ? [] : markersIn(text);
			if (reader.named) seenByNamed.set(name, found);
			else if (found.length) leaks.push(`${reader.name} sync ${name}: ${found.join(', ')}`);
		}
	);
	return { leaks, seenByNamed };
}

/** Sweeps everything; returns what the named reader saw, for the checks that the markers are really there. */
async function sweep(stepName: string) {
	const [routes, documents] = await Promise.all([sweepRoutes(), sweepDocuments()]);
	expect([...routes.leaks, ...documents.leaks], `after ${stepName}`).toEqual([]);
	return { routes: routes.seenByNamed, documents: documents.seenByNamed };
}

describe('the leak sweep', () => {
	it('sweeps every GET route and page, or says why not', () => {
		const files = routeFiles();
		expect(files.length).toBeGreaterThan(50);
		const unaccounted = files.filter((f) => !(f in SWEPT) && !(f in EXCLUDED));
		expect(unaccounted, 'routes neither swept nor excluded with a reason').toEqual([]);
		const gone = [...Object.keys(SWEPT), ...Object.keys(EXCLUDED)].filter(
			(k) => !files.includes(k)
		);
		expect(gone, 'swept routes that no longer exist').toEqual([]);
	});

	it('keeps a restricted paper to the health board through a whole meeting', async () => {
		const meetingId = ids.meetings[0];
		const [, nextId] = ids.meetings;

		// A forum's priority, on its way to the board's item.
		const raised = await forumMember.post(
			`/api/v1/bodies/${fx.bodies.forum.id}/priorities`,
			priorityInput({ title: 'Winter admissions in Harbourside' })
		);
		expect(raised.status, raised.text).toBe(201);
		ids.priorityId = raised.json.id;
		const file = await forumMember.upload(
			`/api/v1/priorities/${ids.priorityId}/files`,
			'survey.csv',
			new TextEncoder().encode('answer,count\nwarmer,40\n')
		);
		expect(file.status, file.text).toBe(201);
		ids.priorityFileId = file.json.id;
		for (const [who, body] of [
			[forumMember, { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id }],
			[officer, { type: 'PASSED_ON', toBodyId: fx.bodies.board.id }],
			[
				chair,
				{
					type: 'ACCEPTED',
					leadOrganisationId: fx.organisations.health.id,
					influenceDeclared: 'CONSULT',
					hearBackBy: '2199-01-01'
				}
			],
			[chair, { type: 'SCHEDULED', agendaItemId: itemId }]
		] as const) {
			const res = await step(who, ids.priorityId, body);
			expect(res.status, res.text).toBe(201);
		}

		// 1. The health board adds the paper, restricted to itself, with a summary and a file.
		const added = await nhs.post(`/api/v1/meetings/${meetingId}/evidence`, {
			title: TITLE,
			kind: 'PERFORMANCE',
			sourceOrganisationId: fx.organisations.health.id,
			allowedOrganisationIds: [fx.organisations.health.id]
		});
		expect(added.status, added.text).toBe(201);
		expect(added.json.allowedOrganisationIds).toEqual([fx.organisations.health.id]);
		ids.paperId = added.json.id;
		const paperDoc = connect(
			server.url,
			restrictedEvidenceName(meetingId, ids.paperId),
			nhs.cookie
		);
		await paperDoc.synced;
		(restrictedEvidenceItem(paperDoc.doc).get('summary') as Y.Text).insert(0, SUMMARY);
		await waitFor(
			async () =>
				(await server.db.evidenceItem.findUnique({ where: { id: ids.paperId } }))?.summary ===
				SUMMARY,
			'the summary to reach the paper'
		);
		paperDoc.destroy();
		const upload = await nhs.upload(
			`/api/v1/meetings/${meetingId}/evidence/${ids.paperId}/file`,
			'extract.csv',
			new TextEncoder().encode(FILE)
		);
		expect(upload.status, upload.text).toBe(200);
		const afterAdding = await sweep('the paper was added');
		// The sweep would find the markers: the health board's member receives them.
		expect(afterAdding.routes.get(`/api/v1/meetings/${meetingId}/evidence`)).toEqual([
			'title',
			'summary'
		]);
		expect(
			afterAdding.routes.get(`/api/v1/meetings/${meetingId}/evidence/${ids.paperId}/file`)
		).toEqual(['file']);
		expect(afterAdding.documents.get(restrictedEvidenceName(meetingId, ids.paperId))).toEqual(
			expect.arrayContaining(['title', 'summary'])
		);

		// 2. Challenged with a quote, cited by the decision, with an action.
		const challenge = await nhs.post(`/api/v1/meetings/${meetingId}/challenges`, {
			agendaItemId: itemId,
			directedToOrganisationId: fx.organisations.council.id,
			kind: 'EVIDENCE',
			text: 'The pilot is sized on last winter alone.',
			evidenceItemId: ids.paperId,
			quote: QUOTE
		});
		expect(challenge.status, challenge.text).toBe(201);
		const answered = await chair.post(`/api/v1/challenges/${challenge.json.id}/response`, {
			text: 'The pilot will be resized after the first month.',
			status: 'ANSWERED',
			effect: 'NONE'
		});
		expect(answered.status, answered.text).toBe(201);
		await writeWording(server, nhs.cookie, meetingId, itemId, WORDING);
		const decided = await nhs.post(`/api/v1/meetings/${meetingId}/decisions`, {
			agendaItemId: itemId,
			outcome: 'AGREED',
			method: 'CONSENSUS',
			evidenceItemIds: [ids.paperId],
			alternatives: 'Waiting a year',
			proceedWithoutQuorum: true
		});
		expect(decided.status, decided.text).toBe(201);
		ids.decisionId = decided.json.id;
		const action = await nhs.post(`/api/v1/decisions/${ids.decisionId}/actions`, {
			text: 'Open the winter admissions pilot',
			ownerOrganisationId: fx.organisations.health.id,
			ownerMembershipId: nhsMembershipId,
			dueOn: '2026-10-01'
		});
		expect(action.status, action.text).toBe(201);
		ids.actionId = action.json.id;
		const afterRecording = await sweep('the challenge and the decision');
		expect(afterRecording.routes.get(`/api/v1/meetings/${meetingId}/challenges`)).toEqual([
			'title',
			'quote'
		]);
		expect(afterRecording.routes.get(`/api/v1/decisions/${ids.decisionId}`)).toContain('title');

		// 3. Closed: the minutes are drafted into the document every member reads.
		const closed = await nhs.post(`/api/v1/meetings/${meetingId}/close`, {});
		expect(closed.status, closed.text).toBe(200);
		await waitFor(
			async () =>
				(await officer.get(`/api/v1/meetings/${meetingId}/minutes`)).text.includes(WORDING),
			'the minutes to be drafted'
		);
		await sweep('the meeting closed');
		// Even for the health board: the minutes document is everyone's, so it names the paper generically.
		const minutes = (await nhs.get(`/api/v1/meetings/${meetingId}/minutes`)).text;
		expect(minutes).toContain('a paper restricted to named partners');
		expect(markersIn(minutes)).toEqual([]);

		// 4. The minutes approved at the next meeting: now on the public page too.
		await server.db.meeting.update({
			where: { id: nextId },
			data: { status: 'IN_PROGRESS', startedAt: new Date() }
		});
		const approved = await officer.post(`/api/v1/meetings/${meetingId}/minutes/approve`, {
			atMeetingId: nextId
		});
		expect(approved.status, approved.text).toBe(200);
		const publicMeeting = await new Client(server.url).get(
			`/public/${ids.slug}/meetings/${meetingId}`
		);
		expect(publicMeeting.text).toContain('Harbourside winter admissions pilot');
		await sweep('the minutes approved');

		// 5. The forum's response drafted from the record and published as drafted; the review published.
		const linked = await step(officer, ids.priorityId, {
			type: 'DECIDED',
			decisionId: ids.decisionId,
			influenceDeclared: 'INVOLVE',
			influenceAchieved: 'INVOLVE'
		});
		expect(linked.status, linked.text).toBe(201);
		const published = await officer.post(`/api/v1/feedback/${linked.json.feedback.id}/publish`);
		expect(published.status, published.text).toBe(200);
		const review = await officer.post(`/api/v1/meetings/${meetingId}/review/publication`);
		expect(review.status, review.text).toBe(201);
		await sweep('the response and the review published');
		expect(linked.json.feedback.weDid).toContain('a paper restricted to named partners');
		const publicForum = await new Client(server.url).get(
			`/api/v1/public/partnerships/${ids.slug}/forums/${ids.forumId}/responses`
		);
		expect(publicForum.text).toContain('Harbourside winter admissions pilot');
	}, 600_000);
});

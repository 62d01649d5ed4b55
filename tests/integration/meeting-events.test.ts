// The meeting's event stream: what a live page listens to so that it reloads when the record changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMeeting } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { listen as listenTo, until } from '../support/event-stream.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	other = await makePartnership(server.db, 'beta');
});
afterAll(() => server?.stop());

/** Opens the meeting's API event stream as `cookie`. */
const listen = (meetingId: string, cookie: string) =>
	listenTo(`${server.url}/api/v1/meetings/${meetingId}/events`, cookie);

describe('the meeting event stream', () => {
	it('tells a reader within a second that the meeting changed', async () => {
		const meeting = await makeMeeting(server.db, fx);
		const observer = await signedIn(server.url, fx.members.OBSERVER.email);
		const officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
		const stream = await listen(meeting.id, observer.cookie);
		expect(stream.response.status).toBe(200);
		expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		expect(
			(await officer.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true })).status
		).toBe(200);
		// Counted from the command's answer, when the change is stored: how long the command itself took
		// on a busy machine is not the stream's doing (it failed once at 1,033 ms under a load of 12).
		const stored = Date.now();
		expect(await until(() => stream.events.length > 0)).toBe(true);
		expect(Date.now() - stored).toBeLessThan(1000);
		expect(stream.events[0]).toMatchObject({
			event: 'change',
			data: { meetingId: meeting.id, what: 'meeting', at: expect.any(String) }
		});
		await stream.stop();
	});

	it('is not there for someone outside the partnership, nor signed out', async () => {
		const meeting = await makeMeeting(server.db, fx);
		const outsider = await signedIn(server.url, other.members.ADMIN.email);
		const res = await outsider.get(`/api/v1/meetings/${meeting.id}/events`);
		expect(res.status).toBe(404);
		const anonymous = await fetch(`${server.url}/api/v1/meetings/${meeting.id}/events`);
		expect(anonymous.status).toBe(401);
	});

	it('carries only changes to the meeting it was opened for', async () => {
		const watched = await makeMeeting(server.db, fx);
		const changed = await makeMeeting(server.db, fx);
		const officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
		const stream = await listen(watched.id, officer.cookie);
		expect(
			(await officer.post(`/api/v1/meetings/${changed.id}/issue`, { issueEmpty: true })).status
		).toBe(200);
		expect(
			(await officer.post(`/api/v1/meetings/${watched.id}/issue`, { issueEmpty: true })).status
		).toBe(200);
		expect(await until(() => stream.events.length > 0)).toBe(true);
		await new Promise((r) => setTimeout(r, 100));
		expect(stream.events.map((e) => (e.data as { meetingId: string }).meetingId)).toEqual([
			watched.id
		]);
		await stream.stop();
	});
});

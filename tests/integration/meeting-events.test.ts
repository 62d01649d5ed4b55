// The meeting's event stream: what a live page listens to so that it reloads when the record changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMeeting } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
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

/** Opens the stream as `cookie` and collects its events until `stop` is called. */
async function listen(meetingId: string, cookie: string) {
	const controller = new AbortController();
	const response = await fetch(`${server.url}/api/v1/meetings/${meetingId}/events`, {
		headers: { cookie },
		signal: controller.signal
	});
	const events: { event: string; data: unknown }[] = [];
	let text = '';
	const reading = (async () => {
		const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				text += value;
				let end;
				while ((end = text.indexOf('\n\n')) >= 0) {
					const block = text.slice(0, end);
					text = text.slice(end + 2);
					const event = /^event: (.*)$/m.exec(block)?.[1];
					const data = /^data: (.*)$/m.exec(block)?.[1];
					if (event && data) events.push({ event, data: JSON.parse(data) });
				}
			}
		} catch {
			// aborted
		}
	})();
	return {
		response,
		events,
		stop: async () => {
			controller.abort();
			await reading;
		}
	};
}

async function until(check: () => boolean, ms = 3000) {
	const end = Date.now() + ms;
	while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
	return check();
}

describe('the meeting event stream', () => {
	it('tells a reader within a second that the meeting changed', async () => {
		const meeting = await makeMeeting(server.db, fx);
		const observer = await signedIn(server.url, fx.members.OBSERVER.email);
		const officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
		const stream = await listen(meeting.id, observer.cookie);
		expect(stream.response.status).toBe(200);
		expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const sent = Date.now();
		expect(
			(await officer.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true })).status
		).toBe(200);
		expect(await until(() => stream.events.length > 0)).toBe(true);
		expect(Date.now() - sent).toBeLessThan(1000);
		expect(stream.events[0]).toEqual({
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

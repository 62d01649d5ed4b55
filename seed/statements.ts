// The demo partners' annual statements: how the community plan is reflected in their own plans, written
// by each partner for the reporting year that has ended (the annual report's default) and, for the
// council, already for the year under way. The police and the college have not written theirs, so the
// report's list of partners without a statement has names in it.
import type { Actor } from '../src/lib/server/access/index.ts';
import { writeStatement } from '../src/lib/server/outcomes/index.ts';
import { atTime } from '../src/lib/server/platform/index.ts';
import { dayInUk, reportingYearOf } from '../src/lib/dates.ts';
import { daysFromToday } from './meeting.ts';

interface Writer {
	organisationId: string;
	as: Actor;
}

export async function writeDemoStatements(
	slug: string,
	writers: { council: Writer; nhs: Writer; tsi: Writer }
): Promise<void> {
	const current = reportingYearOf(dayInUk(daysFromToday(0, 12)));
	const write = (days: number, who: Writer, year: number, text: string) =>
		atTime(daysFromToday(days, 11), () =>
			writeStatement(who.as, slug, who.organisationId, { year, text })
		);
	await write(
		-120,
		writers.council,
		current - 1,
		'The council plan takes the LOIP’s four outcomes as its own priorities. Its budget for the year ' +
			'protected the warm spaces fund and the employability pathway, and every committee report now ' +
			'says which LOIP outcome it serves.'
	);
	await write(
		-110,
		writers.nhs,
		current - 1,
		'The health board’s annual delivery plan names LOIP 1 (longer, healthier lives) as a shared ' +
			'outcome. Smoking cessation and the community link workers are planned with the partnership, ' +
			'and reported to its board twice a year.'
	);
	await write(
		-100,
		writers.tsi,
		current - 1,
		'The third sector interface’s plan follows the LOIP and the three locality plans. We bring the ' +
			'forums’ priorities to the theme groups and report back to our members what became of them.'
	);
	await write(
		-20,
		writers.council,
		current,
		'The council plan for this year keeps the LOIP’s outcomes and adds the Riverside locality plan’s ' +
			'safer streets to the roads and lighting programme.'
	);
}

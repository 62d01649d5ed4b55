// What the partnership home shows a signed-in person: their next meetings and what is waiting for them.
// Client-safe (the home page types its data with these); the server's home/ composes it from the
// concepts that keep each record.
import type {
	ActionStatus,
	MeetingStatus,
	PartnershipRole,
	PriorityStatus
} from '../vocabulary.ts';

/** A meeting still to come (or running now) of one of the person's bodies. */
export interface NextMeeting {
	id: string;
	title: string;
	startsAt: string;
	status: MeetingStatus;
	body: { id: string; name: string };
}

/** A paper of the next meeting, as its reader may see it (access/restricted-material.ts). */
export interface PaperToRead {
	id: string;
	title: string;
	/** The agenda item it is filed under, if any. */
	itemTitle: string | null;
	hasFile: boolean;
}

export interface PapersToRead {
	/** The person's next meeting; null when none is coming up. */
	meeting: NextMeeting | null;
	papers: PaperToRead[];
	/** Papers of that meeting restricted to partners the reader is not one of: counted, never named. */
	withheld: number;
}

/** An open action that the person, or their organisation with no one named, owns. */
export interface ActionDue {
	id: string;
	decisionId: string;
	text: string;
	status: ActionStatus;
	/** YYYY-MM-DD, or null when no date was set. */
	dueOn: string | null;
	/** Due before today (UK time). */
	overdue: boolean;
	/** Null when it is the person's own; the organisation's name when it is their organisation's. */
	ownerOrganisation: string | null;
	meetingTitle: string;
}

/** A priority whose next step belongs to the body holding it, one of the person's bodies. */
export interface PriorityWaiting {
	id: string;
	title: string;
	status: PriorityStatus;
	heldBy: { id: string; name: string };
	/** When it last moved. */
	lastEventAt: string;
}

/** A members' survey the person was asked to answer and still may. */
export interface SurveyOpen {
	meetingId: string;
	title: string;
	startsAt: string;
	closesAt: string;
}

/** A list that may have been cut short: `more` says how many are left out. */
export interface Shortened<T> {
	items: T[];
	more: number;
}

export interface HomeView {
	partnership: { id: string; slug: string; name: string };
	role: PartnershipRole;
	/** Officers (admins and the secretariat) serve every body: their meetings are all the partnership's. */
	officer: boolean;
	meetings: NextMeeting[];
	papers: PapersToRead;
	actions: Shortened<ActionDue>;
	priorities: Shortened<PriorityWaiting>;
	surveys: SurveyOpen[];
}

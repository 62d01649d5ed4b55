// An event to append to a priority's timeline, as the commands describe it (timeline.ts writes it).
import type { InfluenceLevel, PriorityEventType } from '../../vocabulary.ts';

export interface NewEvent {
	type: PriorityEventType;
	byBodyId?: string | null;
	toBodyId?: string | null;
	agendaItemId?: string | null;
	decisionId?: string | null;
	actionId?: string | null;
	leadOrganisationId?: string | null;
	influenceDeclared?: InfluenceLevel | null;
	influenceAchieved?: InfluenceLevel | null;
	/** ACCEPTED: the day the forum will hear back by (midnight UTC of that day). */
	hearBackBy?: Date | null;
	reason?: string;
}

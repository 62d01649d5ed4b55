// The content hash of a decision version: SHA-256 over a canonical JSON of everything the version says,
// chained to the previous version's hash, so a changed field or a removed version shows. Pure, so anyone
// holding a version (tests, an auditor's script) can recompute it.
import { createHash } from 'node:crypto';

export interface VersionContent {
	decisionId: string;
	version: number;
	wording: string;
	outcome: string;
	method: string;
	votes: { for: number; against: number; abstained: number } | null;
	dissent: { membershipId: string; reason: string }[];
	evidenceItemIds: string[];
	alternatives: string;
	commitments: {
		organisationId: string;
		membershipId: string | null;
		text: string;
		withAuthority: boolean;
	}[];
	quorate: boolean;
	participants: string[];
	recordedById: string;
	/** ISO 8601, as stored to the millisecond. */
	recordedAt: string;
	previousHash: string | null;
}

/** JSON with object keys sorted at every level, so the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every list is a set, sorted, so the order rows come back from the database does not matter. */
export function decisionHash(content: VersionContent): string {
	const normal = {
		...content,
		dissent: [...content.dissent].sort((a, b) => byText(a.membershipId, b.membershipId)),
		evidenceItemIds: [...content.evidenceItemIds].sort(byText),
		participants: [...content.participants].sort(byText),
		commitments: [...content.commitments].sort((a, b) => byText(canonicalJson(a), canonicalJson(b)))
	};
	return createHash('sha256').update(canonicalJson(normal)).digest('hex');
}

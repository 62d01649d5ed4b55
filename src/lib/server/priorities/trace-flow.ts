// The flow graph as the trace builds it: each node and each link kept once, in the order first met. A
// large partnership's whole-period trace meets the same forum, body, decision and outcome thousands of
// times, so a node is found by its record's id in a map per type, its label worked out only when it is
// first met, and a link is found among its source's by a number made of its target and its type, not by
// a long string.
import {
	TRACE_LINK_TYPES,
	TRACE_NODE_TYPES,
	type TraceGraph,
	type TraceLink,
	type TraceNode
} from './trace-shapes.ts';

type NodeType = TraceNode['type'];
type LinkType = TraceLink['type'];

const LINK_TYPES = TRACE_LINK_TYPES.length;
const LINK_TYPE = new Map(TRACE_LINK_TYPES.map((type, i) => [type, i]));
/** Nodes of each type are found in their own map; types by number, so no string is hashed to find it. */
const NODE_TYPE = new Map(TRACE_NODE_TYPES.map((type, i) => [type, i]));

/** A node's place in the graph; NO_NODE when the graph is not kept. */
export type NodeRef = number;
export const NO_NODE: NodeRef = -1;

export class FlowGraph {
	readonly #keep: boolean;
	readonly #byType: Map<string, NodeRef>[] = TRACE_NODE_TYPES.map(() => new Map());
	readonly #nodes: TraceNode[] = [];
	/** The links from each node, by `target × link types + type`: small whole numbers, quick to find. */
	readonly #from: Set<number>[] = [];
	readonly #links: TraceLink[] = [];

	/** `keep: false` (the CSV wants only the rows): nodes and links are neither kept nor worked out. */
	constructor(keep: boolean) {
		this.#keep = keep;
	}

	get keeps(): boolean {
		return this.#keep;
	}

	/**
	 * The node of this record, added when first met, with `labelOf(id)` as its label: one function for
	 * every node of a kind, so that finding a node already there allocates nothing.
	 */
	node(
		type: NodeType,
		id: string,
		labelOf: (id: string) => string,
		extra?: Pick<TraceNode, 'indicator'>
	): NodeRef {
		if (!this.#keep) return NO_NODE;
		const ofType = this.#byType[NODE_TYPE.get(type)!];
		let ref = ofType.get(id);
		if (ref === undefined) {
			ref = this.#nodes.length;
			this.#nodes.push({ id: `${type}:${id}`, type, label: labelOf(id), ...extra });
			this.#from.push(new Set());
			ofType.set(id, ref);
		}
		return ref;
	}

	/** Whether this record's node is there already. */
	has(type: NodeType, id: string): boolean {
		return this.#byType[NODE_TYPE.get(type)!].has(id);
	}

	link(
		source: NodeRef,
		target: NodeRef,
		type: LinkType,
		extra?: Pick<TraceLink, 'influenceDeclared' | 'influenceAchieved' | 'influenceGap'>
	): void {
		if (!this.#keep) return;
		const key = target * LINK_TYPES + LINK_TYPE.get(type)!;
		const from = this.#from[source];
		if (from.has(key)) return;
		from.add(key);
		this.#links.push({
			source: this.#nodes[source].id,
			target: this.#nodes[target].id,
			type,
			...extra
		});
	}

	graph(): Omit<TraceGraph, 'overdue'> {
		return { nodes: this.#nodes, links: this.#links };
	}
}

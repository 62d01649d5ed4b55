// Stage "project": what people wrote together becomes rows the rest of the workspace reads (agenda items,
// papers), at most once per PROJECTION_DEBOUNCE_MS per document, after the updates are stored.
import type * as Y from 'yjs';
import { log } from '../../../src/lib/server/platform/index.ts';
import { projectDocument } from '../../../src/lib/server/meetings/index.ts';
import { PROJECTION_DEBOUNCE_MS } from '../limits.ts';

export interface Project {
	project(docName: string, doc: Y.Doc): Promise<void>;
}

export const meetingProjection: Project = { project: projectDocument };

/** One document's projection: scheduled after each stored batch, run now when the document unloads. */
export class ProjectionSchedule {
	#timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly stage: Project,
		private readonly docName: string,
		private readonly doc: () => Y.Doc
	) {}

	get pending(): boolean {
		return this.#timer !== undefined;
	}

	schedule(): void {
		this.#timer ??= setTimeout(() => void this.run(), PROJECTION_DEBOUNCE_MS);
	}

	/** Failures are logged: the rows catch up on the next change. */
	async run(): Promise<void> {
		this.cancel();
		try {
			await this.stage.project(this.docName, this.doc());
		} catch (error) {
			log.error({ err: error, docName: this.docName }, 'sync: projection failed');
		}
	}

	cancel(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}
}

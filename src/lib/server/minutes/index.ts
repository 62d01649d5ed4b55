// The public face of minutes/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { minutesApi } from './api.ts';
export { draftMinutes, publicPart } from './draft.ts';
export type { MeetingRecord, RecordItem } from './draft.ts';
export { approveMinutes, closeMeeting, getMinutes, minutesHash, openMinutes } from './minutes.ts';
export { listPublicDecisions } from './public-decisions.ts';
export { GalleryFull, followGallery, publicGallery } from './public-gallery.ts';
export {
	PUBLISHED_MEETING,
	getPublicMeeting,
	getPublicPartnership,
	listPublicPartnerships
} from './public-record.ts';

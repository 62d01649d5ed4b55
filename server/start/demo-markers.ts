// The demo is loaded in several transactions (the board's record goes through the commands, each its own),
// so a start interrupted while loading it would leave part of it. These two audit events bracket the
// loading; the start-up reads them without loading the demo itself.
export const DEMO_STARTED = 'demo_loading';
export const DEMO_FINISHED = 'demo_recorded';

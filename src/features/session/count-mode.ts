/**
 * The session metadata key that turns count mode on for every device in the session. Its own
 * module: the screens that read it must not pull in session creation (ua-parser, 10 kB gzip).
 */
export const COUNT_MODE_KEY = 'count_mode';

import { z } from 'zod';

/**
 * Imported first by every entry point. Zod compiles object parsers with `new Function` when it
 * may; our Content-Security-Policy forbids eval, so its probe logged a CSP violation on every
 * page. Jitless parsing is fast enough for API responses, and the console stays clean.
 */
z.config({ jitless: true });

import { z } from 'zod/mini';

/**
 * Evaluated before any schema of the contract is made (the first import of the barrel).
 *
 * The contract is written in zod/mini: the app builds its schemas at start-up, on the phone's
 * main thread, and mini builds them about three times faster than classic zod (and is 12 kB
 * gzip smaller). Mini ships no messages of its own, so the English ones are loaded here: they
 * are what the API's validation errors say.
 *
 * Zod compiles object parsers with `new Function` where it may, and decides when a schema is
 * made; the app's Content-Security-Policy forbids eval, so in a browser its probe logged a CSP
 * violation on every page. Browsers parse jitless; the server keeps the compiled parsers.
 */
z.config(z.locales.en());
if ('document' in globalThis) z.config({ jitless: true });

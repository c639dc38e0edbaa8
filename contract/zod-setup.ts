import { z } from 'zod';

/**
 * Evaluated before any schema of the contract is made (the first import of the barrel). Zod
 * compiles object parsers with `new Function` where it may, and decides when a schema is made;
 * the app's Content-Security-Policy forbids eval, so in a browser its probe logged a CSP
 * violation on every page. Browsers parse jitless; the server keeps the compiled parsers.
 */
if ('document' in globalThis) z.config({ jitless: true });

import type { FastifyInstance } from 'fastify';
import { JSON_MAX_DEPTH } from '#contract';
import { HttpError } from './errors';

/**
 * How deeply `text` nests arrays and objects, counted without parsing it, so a 20 kB body of
 * 10,000 brackets is refused before anything recursive (JSON.stringify, a schema, a hash)
 * sees it. Brackets inside strings are skipped, escapes included.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  // Stryker disable next-line EqualityOperator: charCodeAt(length) is NaN, which counts nothing.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    // Never below zero: stray closers cannot hide the openers that follow them.
    else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return deepest;
}

export function assertJsonDepth(text: string, field = 'The JSON body'): void {
  if (jsonDepth(text) > JSON_MAX_DEPTH) {
    throw new HttpError(400, `${field} nests deeper than ${JSON_MAX_DEPTH} levels.`);
  }
}

/** Fastify's own JSON parser (same prototype-poisoning rules), behind the depth check. */
export function registerJsonBody(app: FastifyInstance): void {
  // Stryker disable next-line StringLiteral: secure-json-parse treats an unknown constructor action as 'error'.
  const parse = app.getDefaultJsonParser('ignore', 'error');
  // Fastify lets the built-in JSON parser be replaced by adding one for its type.
  // Stryker disable next-line StringLiteral: a Buffer body is turned to text below as well.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    try {
      assertJsonDepth(text);
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    void parse(request, text, done);
  });
}

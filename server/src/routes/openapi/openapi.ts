import { z } from 'zod';
import type { Endpoint } from '#contract';

const toSchema = (schema: z.core.$ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad request',
  401: 'Missing or invalid API key',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Validation error',
  429: 'Rate limited',
};

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
export function openApiDocument(routes: readonly Endpoint[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...[...route.path.matchAll(/:(\w+)/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...(route.query
        ? Object.entries(
            (toSchema(route.query, 'input').properties ?? {}) as Record<string, unknown>,
          ).map(([name, schema]) => ({ name, in: 'query', required: false, schema }))
        : []),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries({
      ...route.responses,
      401: null,
      422: null,
      429: null,
    })) {
      responses[status] = {
        description: STATUS_TEXT[Number(status)] ?? 'Response',
        content: {
          'application/json': {
            schema: schema
              ? toSchema(schema, 'output')
              : { $ref: '#/components/schemas/ErrorEnvelope' },
          },
        },
      };
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      // Anyone may call it: no key (the document's default) is asked for.
      ...(route.access === 'public' ? { security: [] } : {}),
      parameters,
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                [route.form ? 'multipart/form-data' : 'application/json']: {
                  schema: toSchema(route.body, 'input'),
                },
              },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Scanner API',
      version: '1.0.0',
      description: `Barcode and product scanning with vision extraction. Local implementation ${version}.`,
    },
    security: [{ ApiKey: [] }],
    components: {
      securitySchemes: { ApiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      schemas: {
        ErrorEnvelope: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                status: { type: 'integer' },
                details: {},
                retry_after_seconds: { type: 'number' },
              },
              required: ['code', 'message', 'status', 'details'],
            },
          },
          required: ['error'],
        },
      },
    },
    paths,
  };
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain, dependency-free docs page: every operation, linking to the JSON for detail. */
export function docsPage(routes: readonly Endpoint[]): string {
  const rows = routes
    .map(
      (r) =>
        `<tr><td><code>${r.method}</code></td><td><code>${escape(r.path.replace(/:(\w+)/g, '{$1}'))}</code></td><td>${escape(r.summary)}</td><td>${Object.keys(r.responses).join(', ')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Scanner API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}</style></head>
<body><h1>Scanner API (local)</h1><p>Authenticate with <code>X-API-Key</code>. Errors use <code>{"error":{"code","message","status","details"}}</code>. The machine-readable spec is <a href="openapi.json">openapi.json</a>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Summary</th><th>Statuses</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}

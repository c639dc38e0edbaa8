import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors';

/** The multipart limits both upload routes register, each refused with its own message. */
export const MULTIPART_LIMITS = { fields: 20, files: 1, parts: 24 } as const;

export interface MultipartOptions {
  /** The form field that carries the file. */
  fileField: string;
  maxBytes: number;
  /**
   * Called with the text fields read so far when the file starts, before any of its bytes
   * are read: throwing here refuses the upload without buffering it.
   */
  beforeFile?: (fields: Readonly<Record<string, string>>) => void;
}

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${+(n / 1024).toFixed(1)} kB`;

const tooLarge = (maxBytes: number) =>
  new HttpError(413, `Files may be at most ${formatBytes(maxBytes)}.`);

/** @fastify/multipart's limit errors say nothing of the limit; these do, one for each. */
const LIMIT_ERRORS: Record<string, string> = {
  FST_FIELDS_LIMIT: `The form may have at most ${MULTIPART_LIMITS.fields} text fields.`,
  FST_FILES_LIMIT: `The form may carry at most ${MULTIPART_LIMITS.files} file.`,
  FST_PARTS_LIMIT: `The form may have at most ${MULTIPART_LIMITS.parts} parts.`,
};

/**
 * Reads a multipart body: its text fields and the one file. A body whose declared length is
 * already over the limit is refused before a byte of it is read.
 */
export async function readMultipart(
  request: FastifyRequest,
  options: MultipartOptions,
): Promise<{ fields: Record<string, string>; file: Buffer | null }> {
  if (!request.isMultipart()) {
    throw new HttpError(415, `Send multipart/form-data with a ${options.fileField} file.`);
  }
  // Room for the text fields and the part headers around the largest accepted file.
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > options.maxBytes + 64 * 1024) throw tooLarge(options.maxBytes);
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  let file: Buffer | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        options.beforeFile?.(fields);
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw tooLarge(options.maxBytes);
        if (part.fieldname === options.fileField) file = bytes;
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    const code = (error as { code?: string }).code ?? '';
    const limit = LIMIT_ERRORS[code];
    if (limit) throw new HttpError(413, limit);
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(options.maxBytes);
    // The parser's own complaints (truncated form, bad part header) are the client's fault.
    throw new HttpError(400, `The multipart body is malformed: ${(error as Error).message}`);
  }
  return { fields, file };
}

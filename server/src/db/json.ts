/** Reads a JSON column written by this server; a corrupt value is a bug, so it throws. */
export const readJson = <T>(text: string): T => JSON.parse(text) as T;

export { readMetadataJson as readMetadata } from '#contract';

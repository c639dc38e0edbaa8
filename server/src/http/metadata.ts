import { type Metadata, type MetadataPatch, mergeMetadata, metadataKeyCountError } from '#contract';
import { invalid } from './errors';

/**
 * Applies a metadata write with the documented merge, and answers 422 naming `metadata` when the
 * merged result would break the key limit. Every resource with metadata writes through here.
 */
export function mergeChecked(old: Metadata, patch: MetadataPatch | undefined): Metadata {
  const merged = mergeMetadata(old, patch);
  const tooMany = metadataKeyCountError(merged);
  if (tooMany) throw invalid('metadata', tooMany);
  return merged;
}

/** Thrown when this device cannot keep an item: nothing was accepted. */
export class StorageFailedError extends Error {
  override name = 'StorageFailedError';
}

/** Why an item could not be kept, in the operator's words, with the next step. */
export function storageMessage(error: unknown): string {
  // Stryker disable next-line StringLiteral: any name but QuotaExceededError reads the same.
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError')
    return 'This device is out of storage space, so the scan could not be kept. Free some space, then scan it again.';
  return `This device could not keep the scan (${error instanceof Error ? error.message : String(error)}). Scan it again; if this repeats, leave private browsing or check the browser's storage settings.`;
}

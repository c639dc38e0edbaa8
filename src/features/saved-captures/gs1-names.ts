/** Names of the GS1 Application Identifiers a shop floor meets, for the capture detail. */
export const AI_NAMES: Record<string, string> = {
  '00': 'SSCC',
  '01': 'GTIN',
  '02': 'GTIN of contents',
  '10': 'Batch or lot',
  '11': 'Production date',
  '13': 'Packaging date',
  '15': 'Best before',
  '17': 'Expiry date',
  '21': 'Serial number',
  '22': 'Variant',
  '30': 'Count',
  '310': 'Net weight (kg)',
  '392': 'Price',
  '8008': 'Production time',
  '8101': 'Coupon (North America)',
};

/** The name of an AI, trying the 3- and 4-digit families (3103 → 310). */
export const aiName = (ai: string) => AI_NAMES[ai] ?? AI_NAMES[ai.slice(0, 3)] ?? `AI ${ai}`;

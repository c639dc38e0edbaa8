/** The symbologies the scanner reads, named once for the whole app. */
export const SYMBOLOGIES = [
  'ean13',
  'ean8',
  'upca',
  'upce',
  'code128',
  'itf',
  'qr',
  'datamatrix',
  'databar',
  'databar-expanded',
] as const;
export type Symbology = (typeof SYMBOLOGIES)[number];

/** The retail set scanned by default. */
export const RETAIL_SYMBOLOGIES: readonly Symbology[] = SYMBOLOGIES;

/** 1D symbologies: a single frame can misread them, so they need agreement across frames. */
export const LINEAR: ReadonlySet<Symbology> = new Set([
  'ean13',
  'ean8',
  'upca',
  'upce',
  'code128',
  'itf',
  'databar',
  'databar-expanded',
]);

/** Symbologies whose content is a GTIN and whose check digit must be verified. */
export const GTIN_SYMBOLOGY: Partial<
  Record<Symbology, 'ean-13' | 'ean-8' | 'upc-a' | 'upc-e' | 'itf-14'>
> = {
  ean13: 'ean-13',
  ean8: 'ean-8',
  upca: 'upc-a',
  upce: 'upc-e',
  itf: 'itf-14',
};

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
/** Each symbology's name, as the operator knows it. */
export const FORMAT_LABEL: Record<Symbology, string> = {
  ean13: 'EAN-13',
  ean8: 'EAN-8',
  upca: 'UPC-A',
  upce: 'UPC-E',
  code128: 'Code 128',
  itf: 'ITF-14',
  qr: 'QR code',
  datamatrix: 'Data Matrix',
  databar: 'GS1 DataBar',
  'databar-expanded': 'GS1 DataBar Expanded',
};

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

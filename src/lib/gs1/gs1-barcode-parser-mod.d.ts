// Types for the parts of gs1-barcode-parser-mod this project uses (the package ships none).
declare module 'gs1-barcode-parser-mod' {
  export interface ParsedElement {
    ai: string;
    dataTitle: string;
    /** The element's value as it appears in the code, before date or number conversion. */
    raw: string;
  }
  export function parseBarcode(code: string): {
    codeName: string;
    parsedCodeItems: ParsedElement[];
  };
}

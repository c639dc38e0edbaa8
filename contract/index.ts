// First: it configures zod before any schema below is made.
import './zod-setup';
export * from './api-key';
export * from './capture';
export * from './digital-link';
export * from './enums';
export * from './errors';
export * from './gtin';
export * from './health';
export * from './ids';
export * from './limits';
export * from './metadata';
export * from './photo';
export * from './proposal';
export * from './rate-limit';
export * from './resolve';
export * from './session';
export * from './text';

/** Where the Scanner API lives on any origin. */
export const SCANNER_API_PREFIX = '/scanner/api/v1';
export * from './endpoints';

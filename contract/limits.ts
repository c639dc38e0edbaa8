/**
 * Part A: the deepest nesting of arrays and objects a JSON body may have. The contract's
 * bodies need four levels at most (device_context is the deepest); 32 leaves room for any
 * client's device context and refuses the 10,000-deep bodies that crash recursive code.
 */
export const JSON_MAX_DEPTH = 32;

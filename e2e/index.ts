/**
 * The QA kit: everything a flow needs, from one import (see e2e/README.md).
 * `test` brings the fixtures: `localServer` (a real server with a temporary database),
 * `camera` (the page's camera, showing what the test draws) and `launchWithCamera`.
 */
export { expect, test } from './fixtures';
export type { FakeHardware, InjectedCamera, ShowOptions } from './fixtures/injected-camera';
export {
  connectApp,
  createSession,
  installed,
  serverGtins,
  serverSession,
  sessionIdOf,
  setNetwork,
  startSession,
} from './support/app';
export { SAMPLE_CODES } from './support/barcodes';
export { jobsIn, shutter, storedBytes, takePhoto } from './support/photos';
export { productScene } from './support/scenes';

// IndexedDB for happy-dom (the outbox runs inside every rendered app): a spec-complete fake.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
// IndexedDB for happy-dom: a spec-complete in-memory implementation (the e2e tests use Chromium's).
import 'fake-indexeddb/auto';

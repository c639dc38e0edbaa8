import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './env';

describe('readConfig', () => {
  it('has sensible defaults relative to the working folder', () => {
    expect(readConfig({}, '/srv/app')).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/app/.data',
      staticDir: '/srv/app/dist',
    });
  });

  it('reads PORT and the data folder', () => {
    const c = readConfig({ PORT: '9000', SCANNER_DATA_DIR: '/tmp/x' }, '/srv/app');
    expect(c.port).toBe(9000);
    expect(c.dataDir).toBe('/tmp/x');
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT="70000"/);
  });
});

import { describe, expect, it } from 'vitest';
import { urlWarnings } from './url-safety';

describe('urlWarnings', () => {
  it('has nothing to say about a plain https address', () => {
    expect(urlWarnings('https://id.gs1.org/01/09506000134352')).toEqual([]);
  });

  it('flags plain http, userinfo tricks, look-alike letters and bare IPs', () => {
    expect(urlWarnings('http://example.com')).toEqual([expect.stringMatching(/not encrypted/)]);
    expect(urlWarnings('https://closient.com@evil.example/x')).toEqual([
      expect.stringMatching(/goes to evil\.example/),
    ]);
    // "аpple.com" with a Cyrillic а.
    expect(urlWarnings('https://\u0430pple.com/')).toEqual([
      expect.stringMatching(/look-alike letters \(xn--pple-43d\.com\)/),
    ]);
    expect(urlWarnings('http://192.168.1.20/login')).toHaveLength(2);
    expect(urlWarnings('not a url')).toEqual(['This is not a valid web address.']);
  });
});

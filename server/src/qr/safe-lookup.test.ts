import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './safe-lookup';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '::1',
    'fc00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '100.64.0.1',
    '::7f00:1',
    '::a00:1',
    '::808:808',
    '64:ff9b::7f00:1',
    '2002:7f00:1::',
    'garbage',
  ])('refuses %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('allows public %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

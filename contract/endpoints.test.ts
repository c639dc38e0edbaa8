import { describe, expect, it } from 'vitest';
import { ENDPOINTS, pathTo, successStatus } from './index';

describe('pathTo', () => {
  it('fills each parameter, percent-encoded, so an id is one segment and only itself', () => {
    expect(pathTo(ENDPOINTS.getSession, { id: 'Abc123' })).toBe('/scanner/api/v1/sessions/Abc123');
    expect(pathTo(ENDPOINTS.getSession, { id: '../key?x=1#y' })).toBe(
      '/scanner/api/v1/sessions/..%2Fkey%3Fx%3D1%23y',
    );
    expect(pathTo(ENDPOINTS.getSession, { id: '%2F' })).toBe('/scanner/api/v1/sessions/%252F');
    const rtl = 'مرحبا'.repeat(100);
    expect(
      decodeURIComponent(pathTo(ENDPOINTS.getCapture, { id: rtl }).split('/').pop() ?? ''),
    ).toBe(rtl);
    expect(pathTo(ENDPOINTS.updatePhoto, { session_id: 's 1', photo_id: 'p/2' })).toBe(
      '/scanner/api/v1/sessions/s%201/photos/p%2F2',
    );
  });

  it('refuses a missing parameter rather than calling a wrong URL', () => {
    expect(() => pathTo(ENDPOINTS.getSession, {})).toThrow(/needs the parameter id/);
  });
});

describe('the table', () => {
  it('names each method and path once, and a success status for each', () => {
    const all = Object.values(ENDPOINTS);
    expect(new Set(all.map((e) => `${e.method} ${e.path}`)).size).toBe(all.length);
    expect(successStatus(ENDPOINTS.createCapture)).toBe(201);
    expect(successStatus(ENDPOINTS.deleteCapture)).toBe(204);
    expect(successStatus(ENDPOINTS.getSession)).toBe(200);
  });
});

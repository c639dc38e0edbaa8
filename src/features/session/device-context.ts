import { UAParser } from 'ua-parser-js';
import { APP_VERSION } from '../../lib/env';

/**
 * What support needs to know about the device a session was scanned on. UA parsing is the
 * library's job; the rest is read from the browser as it is now.
 */
export function deviceContext(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ua = new UAParser(navigator.userAgent).getResult();
  return {
    browser: { name: ua.browser.name ?? '', version: ua.browser.version ?? '' },
    os: { name: ua.os.name ?? '', version: ua.os.version ?? '' },
    device: {
      type: ua.device.type ?? 'desktop',
      vendor: ua.device.vendor ?? '',
      model: ua.device.model ?? '',
    },
    screen: {
      width: window.screen.width,
      height: window.screen.height,
      pixel_ratio: window.devicePixelRatio,
      orientation: window.screen.orientation?.type ?? '',
    },
    standalone: window.matchMedia('(display-mode: standalone)').matches,
    app_version: APP_VERSION,
    language: navigator.language,
    time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    online: navigator.onLine,
    ...extra,
  };
}

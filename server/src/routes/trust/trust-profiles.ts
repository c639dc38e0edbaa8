import { createHash } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** A UUID derived from the CA, so the same authority always gives the same iOS profile. */
function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The CA in DER, the form Android's certificate installer takes from a `.crt` download. */
export function caDer(caPem: string): Buffer {
  return Buffer.from(new x509.X509Certificate(caPem).rawData);
}

/**
 * An iOS configuration profile (`.mobileconfig`) holding the CA as a root certificate payload.
 * Installing it is step one on iOS; step two is turning on full trust for it in Settings.
 */
export function mobileConfig(caPem: string, serverName: string): string {
  const der = caDer(caPem).toString('base64');
  const outer = stableUuid(`profile:${der}`);
  const inner = stableUuid(`root:${der}`);
  const name = escapeXml(`Closient Scanner on ${serverName}`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadContent</key>
  <array>
    <dict>
      <key>PayloadCertificateFileName</key><string>closient-scanner-ca.cer</string>
      <key>PayloadContent</key><data>${der}</data>
      <key>PayloadDescription</key><string>Identifies this store's scanner server on this network, and nothing else.</string>
      <key>PayloadDisplayName</key><string>${name} (local CA)</string>
      <key>PayloadIdentifier</key><string>com.closient.scanner.ca.${inner}</string>
      <key>PayloadType</key><string>com.apple.security.root</string>
      <key>PayloadUUID</key><string>${inner}</string>
      <key>PayloadVersion</key><integer>1</integer>
    </dict>
  </array>
  <key>PayloadDisplayName</key><string>${name}</string>
  <key>PayloadIdentifier</key><string>com.closient.scanner.${outer}</string>
  <key>PayloadRemovalDisallowed</key><false/>
  <key>PayloadType</key><string>Configuration</string>
  <key>PayloadUUID</key><string>${outer}</string>
  <key>PayloadVersion</key><integer>1</integer>
</dict>
</plist>
`;
}

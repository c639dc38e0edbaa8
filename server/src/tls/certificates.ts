import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  GeneralName,
  GeneralSubtree,
  GeneralSubtrees,
  id_ce_nameConstraints,
  NameConstraints,
} from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import ipaddr from 'ipaddr.js';

/** What a server certificate names: host names and IP addresses. */
export interface CertNames {
  dns: string[];
  ips: string[];
}

export interface Pem {
  cert: string;
  key: string;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;
/** Apple and Chromium refuse server certificates valid for more than 398 days. */
export const SERVER_CERT_DAYS = 397;
export const CA_YEARS = 10;

/**
 * The address ranges a local CA may vouch for: the private, loopback, link-local and
 * unique-local ones. A store's DHCP lease can change the machine's address within them without
 * phones having to trust a new authority, and the CA can never vouch for a public address.
 */
export const LAN_RANGES = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
];

const LAN_CIDRS = LAN_RANGES.map((r) => ipaddr.parseCIDR(r));

/** Whether an address is one the local CA may vouch for. */
export function inLanRange(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  return LAN_CIDRS.some(
    ([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits),
  );
}

const serial = () => {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // a positive INTEGER
  return bytes.toString('hex');
};

async function keyPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`;
}

async function importKey(pem: string): Promise<webcrypto.CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  return webcrypto.subtle.importKey('pkcs8', der, ALG, true, ['sign']);
}

/** asn1-x509 encodes a CIDR string as the name-constraint form (address, then mask). */
const ipSubtree = (cidr: string) =>
  new GeneralSubtree({ base: new GeneralName({ iPAddress: cidr }) });

/** The CA may only vouch for these DNS names (and their subdomains) and the LAN ranges. */
function nameConstraints(dns: string[]): x509.Extension {
  const permitted = new GeneralSubtrees([
    ...dns.map((name) => new GeneralSubtree({ base: new GeneralName({ dNSName: name }) })),
    ...LAN_RANGES.map(ipSubtree),
  ]);
  const der = AsnConvert.serialize(new NameConstraints({ permittedSubtrees: permitted }));
  return new x509.Extension(id_ce_nameConstraints, true, der);
}

/**
 * A certificate authority for one server on one network. Its key never leaves the data folder,
 * and its name constraints keep it from vouching for anything but `dns` and LAN addresses,
 * so a phone that trusts it trusts nothing else by doing so.
 */
export async function createAuthority(dns: string[], now = new Date()): Promise<Pem> {
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=Closient Scanner local CA (${dns[0] ?? 'this server'}), O=Closient Scanner`,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + CA_YEARS * 365 * DAY),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      nameConstraints(dns),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) };
}

/** A server certificate for exactly `names`, signed by the authority. */
export async function issueServerCertificate(
  authority: Pem,
  names: CertNames,
  now = new Date(),
): Promise<Pem> {
  const caCert = new x509.X509Certificate(authority.cert);
  const caKey = await importKey(authority.key);
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${names.dns[0] ?? names.ips[0] ?? 'localhost'}`,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + SERVER_CERT_DAYS * DAY),
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) };
}

/** The names a certificate covers, read back from its SAN extension. */
export function certificateNames(pem: string): CertNames {
  const san = new x509.X509Certificate(pem).getExtension(x509.SubjectAlternativeNameExtension);
  const entries = san?.names.items ?? [];
  return {
    dns: entries.filter((n) => n.type === 'dns').map((n) => n.value),
    ips: entries.filter((n) => n.type === 'ip').map((n) => n.value),
  };
}

/** Whether a certificate covers every one of `names` and is valid for at least a week more. */
export function covers(pem: string, names: CertNames, now = new Date()): boolean {
  const cert = new x509.X509Certificate(pem);
  if (cert.notAfter.getTime() - now.getTime() < 7 * DAY) return false;
  const has = certificateNames(pem);
  const ips = new Set(has.ips.map((ip) => ipaddr.parse(ip).toNormalizedString()));
  return (
    names.dns.every((d) => has.dns.includes(d)) &&
    names.ips.every((ip) => ips.has(ipaddr.parse(ip).toNormalizedString()))
  );
}

/** The authority's DNS constraints, to tell whether it may vouch for a newly wanted name. */
export function authorityAllows(caPem: string, dns: string[]): boolean {
  const ext = new x509.X509Certificate(caPem).getExtension(id_ce_nameConstraints);
  if (!ext) return false;
  const constraints = AsnConvert.parse(ext.value, NameConstraints);
  const allowed = (constraints.permittedSubtrees ?? [])
    .map((s) => s.base.dNSName)
    .filter((d): d is string => !!d);
  return dns.every((d) => allowed.some((a) => d === a || d.endsWith(`.${a}`)));
}

/** SHA-256 of the certificate's SubjectPublicKeyInfo, base64: Chromium's SPKI pin format. */
export function spkiHash(pem: string): string {
  const spki = new x509.X509Certificate(pem).publicKey.rawData;
  return createHash('sha256').update(Buffer.from(spki)).digest('base64');
}

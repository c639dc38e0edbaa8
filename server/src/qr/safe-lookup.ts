import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * IPv4-compatible IPv6 (`::a.b.c.d`, deprecated by RFC 4291): ipaddr.js calls it unicast, but
 * `::7f00:1` reaches 127.0.0.1 on some stacks. Nothing public lives there, so all of it is out.
 */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/** True for loopback, private, link-local, unique-local, multicast and other non-public ranges. */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && parsed.match(IPV4_COMPATIBLE)) return true;
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() !== 'unicast';
}

export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
}

/**
 * A DNS lookup for http.request that refuses private addresses at connect time, so a public
 * name that resolves to 127.0.0.1 (DNS rebinding) is refused too, not just literal IPs.
 */
export function safeLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses;
      const allowed = allowPrivate ? list : list.filter((a) => !isPrivateAddress(a.address));
      const first = allowed[0];
      if (!first) {
        return callback(
          new BlockedAddressError(`${hostname} resolves to a private address`),
          '',
          0,
        );
      }
      if ((options as dns.LookupAllOptions).all) return callback(null, allowed, 0);
      return callback(null, first.address, first.family);
    });
  };
}

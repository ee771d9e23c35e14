import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { VerificationProblem } from '../../core/shared/errors';

/** An address a fetch may connect to. */
export interface VettedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/**
 * What ipaddr.js calls each special-purpose range, in words for the refusal message. Only plain
 * unicast is fetched from; a range missing here is refused all the same, under its own name.
 */
const rangeLabels: Readonly<Record<string, string>> = {
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  private: 'a private address',
  reserved: 'a reserved or documentation address',
  uniqueLocal: 'a unique-local address',
  ipv4Mapped: 'an IPv4-mapped address',
  rfc6145: 'an IPv4-translated (SIIT) address',
  rfc6052: 'a NAT64 address',
  '6to4': 'a 6to4 address',
  teredo: 'a Teredo address',
  discard: 'a discard address',
  deprecatedSiteLocal: 'a site-local address',
};

/**
 * Why an address may not be fetched from (e.g. 'a loopback address'), or null when it may.
 *
 * Only what ipaddr.js classifies as plain unicast passes. It knows every IPv6 form that carries
 * an IPv4 address (mapped, SIIT, NAT64 including the local-use prefix, 6to4, Teredo) and the
 * reserved IPv4 ranges (6to4 relay anycast, benchmarking, documentation…): each is refused
 * whole rather than unwrapped, because whatever it reaches is decided by a translator outside
 * this guard. An IPv4-mapped address is named by the IPv4 address inside it, for the message.
 */
export function forbiddenAddress(address: string): string | null {
  const text = address.split('%')[0]!;
  if (!ipaddr.isValid(text) || isIP(text) === 0) return 'not an IP address';
  const parsed = ipaddr.parse(text);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      const inner = v6.toIPv4Address().range();
      return inner === 'unicast' ? rangeLabels.ipv4Mapped! : labelOf(inner);
    }
  }
  const range = parsed.range();
  return range === 'unicast' ? null : labelOf(range);
}

function labelOf(range: string): string {
  return rangeLabels[range] ?? `a special-purpose address (${range})`;
}

/**
 * The addresses `url`'s host may be reached at, every one of them public; a VerificationProblem
 * when the host is, or resolves to, any address that is not plain unicast. Connecting to
 * exactly these addresses (not resolving again) keeps a DNS answer that changes between the
 * check and the connection (rebinding) from reaching inside.
 */
export async function publicAddresses(url: URL): Promise<VettedAddress[]> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const shown = url.href.slice(0, 200);
  let addresses: VettedAddress[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) as 4 | 6 }];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => ({
        address: entry.address,
        family: entry.family === 6 ? 6 : 4,
      }));
    } catch {
      throw new VerificationProblem(`The host of ${shown} could not be found.`);
    }
  }
  if (addresses.length === 0)
    throw new VerificationProblem(`The host of ${shown} could not be found.`);
  for (const { address } of addresses) {
    const reason = forbiddenAddress(address);
    if (reason) {
      throw new VerificationProblem(
        `Refused to fetch ${shown}: ${host === address ? address : `${host} resolves to ${address}, which`} is ${reason}, and documents on private networks are never fetched.`,
      );
    }
  }
  return addresses;
}

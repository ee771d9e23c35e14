import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { VerificationProblem } from '../../core/verification/verification-service';

/** An address a fetch may connect to. */
export interface VettedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Ranges a verifier never fetches from: what they are called, for the refusal message. */
const ranges: readonly [label: string, family: 'ipv4' | 'ipv6', network: string, prefix: number][] =
  [
    ['a "this network" address', 'ipv4', '0.0.0.0', 8],
    ['a private address', 'ipv4', '10.0.0.0', 8],
    ['a shared (carrier-grade NAT) address', 'ipv4', '100.64.0.0', 10],
    ['a loopback address', 'ipv4', '127.0.0.0', 8],
    ['a link-local address', 'ipv4', '169.254.0.0', 16],
    ['a private address', 'ipv4', '172.16.0.0', 12],
    ['a reserved address', 'ipv4', '192.0.0.0', 24],
    ['a documentation address', 'ipv4', '192.0.2.0', 24],
    ['a private address', 'ipv4', '192.168.0.0', 16],
    ['a benchmarking address', 'ipv4', '198.18.0.0', 15],
    ['a documentation address', 'ipv4', '198.51.100.0', 24],
    ['a documentation address', 'ipv4', '203.0.113.0', 24],
    ['a multicast address', 'ipv4', '224.0.0.0', 4],
    ['a reserved address', 'ipv4', '240.0.0.0', 4],
    ['the unspecified address', 'ipv6', '::', 128],
    ['a loopback address', 'ipv6', '::1', 128],
    ['a discard address', 'ipv6', '100::', 64],
    ['a documentation address', 'ipv6', '2001:db8::', 32],
    ['a unique-local address', 'ipv6', 'fc00::', 7],
    ['a link-local address', 'ipv6', 'fe80::', 10],
    ['a site-local address', 'ipv6', 'fec0::', 10],
    ['a multicast address', 'ipv6', 'ff00::', 8],
  ];

const blocked = ranges.map(([label, family, network, prefix]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { label, family, list };
});

/** The IPv4 address inside an IPv4-mapped, -compatible, NAT64 or 6to4 IPv6 address, if any. */
function embeddedIpv4(address: string): string | null {
  const groups = expandIpv6(address);
  if (!groups) return null;
  const v4 = (high: number, low: number) =>
    [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  const zero = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated), 64:ff9b::a.b.c.d (NAT64).
  if (zero(0, 5) && (groups[5] === 0xffff || groups[5] === 0) && !zero(6, 8))
    return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return v4(groups[6]!, groups[7]!);
  // 2002:aabb:ccdd::/48 (6to4) routes to the IPv4 address aa.bb.cc.dd.
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!);
  return null;
}

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tails included), or null. */
function expandIpv6(address: string): number[] | null {
  let text = address.toLowerCase().split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const bytes = dotted[1]!.split('.').map(Number);
    text = `${text.slice(0, -dotted[1]!.length)}${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const [head, tail, ...rest] = text.split('::');
  if (rest.length > 0) return null;
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((group) => Number.parseInt(group, 16)) : [];
  const left = parse(head);
  const right = parse(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return null;
  const groups = [...left, ...Array<number>(tail === undefined ? 0 : missing).fill(0), ...right];
  return groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff)
    ? groups
    : null;
}

/** Why an address may not be fetched from (e.g. 'a loopback address'), or null when it may. */
export function forbiddenAddress(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const label = blocked.find(
    (range) => range.family === type && range.list.check(address, type),
  )?.label;
  if (label) return label;
  // An IPv6 address that carries an IPv4 one reaches that IPv4 address.
  const inner = family === 6 ? embeddedIpv4(address) : null;
  return inner ? forbiddenAddress(inner) : null;
}

/**
 * The addresses `url`'s host may be reached at, every one of them public; a VerificationProblem
 * when the host is, or resolves to, a private, loopback, link-local or unique-local address.
 * Connecting to exactly these addresses (not resolving again) keeps a DNS answer that changes
 * between the check and the connection (rebinding) from reaching inside.
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

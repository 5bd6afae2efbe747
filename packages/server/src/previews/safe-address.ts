import ipaddr from 'ipaddr.js';

/** The ports a link preview may use unless an allow-list entry names another. */
const STANDARD_PORTS: ReadonlySet<number> = new Set([80, 443]);

/** IPv6 ranges that carry an IPv4 address another way than `::ffff:a.b.c.d`: refused outright. */
const IPV6_EMBEDDING = new Set(['rfc6145', 'rfc6052', '6to4', 'teredo']);

/** The first 96 bits of an IPv4-compatible IPv6 address (`::a.b.c.d`, deprecated): all zero. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * Whether `address` (an IP literal) is an ordinary public unicast address. Refused: loopback, private,
 * link-local, multicast, unspecified, broadcast, carrier-grade NAT, unique-local, documentation and the
 * other reserved ranges, an IPv4-mapped IPv6 address of any of those, and the IPv6 ranges that embed an
 * IPv4 address (IPv4-compatible, NAT64, 6to4, Teredo, SIIT).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return isPublicAddress(v6.toIPv4Address().toString());
  if (IPV6_EMBEDDING.has(v6.range()) || v6.match(IPV4_COMPATIBLE)) return false;
  return v6.range() === 'unicast';
}

/** One entry of the allow-list: a host name or an address range, on one port or any. */
interface AllowRule {
  host?: string;
  range?: [ipaddr.IPv4 | ipaddr.IPv6, number];
  port?: number;
}

/** A host name as compared: lower case, without a trailing dot or IPv6 brackets. */
export const normalizeHost = (host: string): string =>
  host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[(.*)\]$/, '$1');

function parsePort(entry: string, port: string): number {
  const value = Number(port);
  if (!/^\d+$/.test(port) || value < 1 || value > 65_535) throw new Error(`bad port in "${entry}"`);
  return value;
}

function addressRange(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  if (text.includes('/')) return ipaddr.parseCIDR(text);
  if (!ipaddr.isValid(text)) return undefined;
  const address = ipaddr.parse(text);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

/**
 * Parses one allow-list entry: `host`, `host:port`, an address (`127.0.0.1`, `::1`), `[v6]:port`,
 * `a.b.c.d:port` or a CIDR range (`10.0.0.0/8`, `fd00::/8`, any port). Throws on a malformed entry.
 */
function parseRule(entry: string): AllowRule {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) {
    const range = addressRange(bracketed[1]!);
    if (!range) throw new Error(`bad address in "${entry}"`);
    return { range, ...(bracketed[2] ? { port: parsePort(entry, bracketed[2]) } : {}) };
  }
  const whole = addressRange(entry);
  if (whole) return { range: whole };
  const hostPort = /^([^:/\s]+)(?::(\d+))?$/.exec(entry);
  if (!hostPort) throw new Error(`bad allow-list entry "${entry}"`);
  const port = hostPort[2] ? { port: parsePort(entry, hostPort[2]) } : {};
  const range = addressRange(hostPort[1]!);
  return range ? { range, ...port } : { host: normalizeHost(hostPort[1]!), ...port };
}

/** Decides which connections a link preview may make. */
export interface AddressPolicy {
  /**
   * Whether a connection to `address` (the IP actually connected to) on `port` may go ahead for a URL
   * naming `host`.
   */
  permits(host: string, address: string, port: number): boolean;
}

/**
 * The policy for link previews: a public unicast address on port 80 or 443, or whatever an `allow` entry
 * names (by the URL's host name or by the address, on its port or any) — for tests and intranets.
 * @example createAddressPolicy(['127.0.0.1:8080', 'wiki.intranet', '10.1.0.0/16'])
 */
export function createAddressPolicy(allow: readonly string[] = []): AddressPolicy {
  const rules = allow.map(parseRule);
  return {
    permits(host, address, port) {
      const name = normalizeHost(host);
      const ip = ipaddr.isValid(address) ? ipaddr.process(address) : undefined;
      const allowed = rules.some(
        (rule) =>
          (rule.port === undefined || rule.port === port) &&
          (rule.host === name ||
            (rule.range !== undefined &&
              ip !== undefined &&
              ip.kind() === rule.range[0].kind() &&
              ip.match(rule.range))),
      );
      return allowed || (STANDARD_PORTS.has(port) && isPublicAddress(address));
    },
  };
}

/** Checks a comma list's entries for the configuration (throws on the first malformed one). */
export function checkAllowList(entries: readonly string[]): void {
  for (const entry of entries) parseRule(entry);
}

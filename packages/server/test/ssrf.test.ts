// The link-preview fetcher against server-side request forgery: the address classification, the
// allow-list, and fetchPage over real sockets against local servers — refused addresses (literal, by DNS
// name, behind a redirect), too many redirects, other content types, oversized and slow bodies,
// credentials and other schemes. The default policy is the production one; tests that need to reach a
// local page allow exactly one host name and port for it, resolved by an injected resolver.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { fetchPage, PageRefused, type Resolve } from '../src/previews/fetch-page.js';
import { createAddressPolicy, isPublicAddress } from '../src/previews/safe-address.js';

const PAGE = '<html><head><title>Local page</title></head><body>hi</body></html>';

/** A local HTTP server whose routes the test writes; records each request's path and headers. */
async function localServer(t: test.TestContext, routes: Record<string, (res: ServerResponse) => void>) {
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  t.after(() => server.closeAllConnections());
  return { port: (server.address() as AddressInfo).port, seen };
}

const html = (body: string) => (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const redirect =
  (location: string, extra: Record<string, string> = {}) =>
  (res: ServerResponse) =>
    res.writeHead(302, { location, ...extra }).end();

/** Resolves the given names to the given addresses (and nothing else). */
const resolver =
  (names: Record<string, string[]>): Resolve =>
  async (host) => {
    const addresses = names[host];
    if (!addresses) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

async function refused(promise: Promise<unknown>, reason: RegExp, what: string): Promise<void> {
  await assert.rejects(
    promise,
    (error: unknown) => error instanceof PageRefused && reason.test(error.reason),
    `${what} was not refused for ${reason}`,
  );
}

test('isPublicAddress refuses every non-public range, IPv4-mapped and embedded forms included', () => {
  const refusedAddresses = [
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '255.255.255.255',
    '100.64.0.1',
    '224.0.0.1',
    '192.0.2.1',
    '198.51.100.7',
    '203.0.113.9',
    '240.0.0.1',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '2001:db8::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '::127.0.0.1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    'not an address',
  ];
  for (const address of refusedAddresses) assert.equal(isPublicAddress(address), false, address);
  for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])
    assert.equal(isPublicAddress(address), true, address);
});

test('the allow-list opens a host name or a range, on its port or any; malformed entries throw', () => {
  const policy = createAddressPolicy(['preview.test:8080', '127.0.0.1', '10.1.0.0/16', '[::1]:9000']);
  assert.equal(policy.permits('preview.test', '127.0.0.1', 8080), true);
  assert.equal(policy.permits('preview.test.', '10.9.9.9', 8080), true, 'a trailing dot is the same host');
  assert.equal(policy.permits('preview.test', '10.9.9.9', 8081), false, 'another port');
  assert.equal(policy.permits('other.test', '127.0.0.1', 1234), true, 'an allowed address, any port');
  assert.equal(policy.permits('other.test', '10.1.2.3', 80), true, 'inside an allowed range');
  assert.equal(policy.permits('other.test', '10.2.0.1', 80), false, 'outside it');
  assert.equal(policy.permits('[::1]', '::1', 9000), true);
  assert.equal(policy.permits('[::1]', '::1', 9001), false);
  assert.equal(policy.permits('example.com', '93.184.216.34', 443), true, 'public on 443');
  assert.equal(policy.permits('example.com', '93.184.216.34', 8443), false, 'public on another port');
  const strict = createAddressPolicy();
  assert.equal(strict.permits('localhost', '127.0.0.1', 80), false);
  for (const bad of ['host:0', 'host:99999', '10.0.0.0/99', 'a b'])
    assert.throws(() => createAddressPolicy([bad]), Error, bad);
});

test('by default loopback, private, link-local, unspecified and mapped addresses are refused before connecting', async (t) => {
  const { port, seen } = await localServer(t, { '/': html(PAGE) });
  const policy = createAddressPolicy();
  const targets = [
    `http://127.0.0.1:${port}/`,
    'http://127.0.0.1/',
    `http://localhost:${port}/`,
    `http://[::1]:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://0.0.0.0:${port}/`,
    `http://2130706433:${port}/`,
    `http://0x7f.1:${port}/`,
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://10.0.0.1/',
    'http://192.168.0.1/',
    'https://172.16.0.1/',
  ];
  for (const target of targets) await refused(fetchPage(target, { policy }), /address|resolves/, target);
  assert.equal(seen.length, 0, 'the local server was never reached');
});

test('a DNS name that resolves to refused addresses only (A or AAAA) is refused', async (t) => {
  const { port, seen } = await localServer(t, { '/': html(PAGE) });
  const resolve = resolver({
    'evil.test': ['127.0.0.1'],
    'meta.test': ['169.254.169.254'],
    'six.test': ['::1'],
    'mixed.test': ['10.0.0.1', '::ffff:127.0.0.1'],
    'localhost.': ['127.0.0.1', '::1'],
  });
  const policy = createAddressPolicy();
  for (const host of ['evil.test', 'meta.test', 'six.test', 'mixed.test', 'localhost.'])
    await refused(fetchPage(`http://${host}/`, { policy, resolve }), /resolves to no permitted address/, host);
  await refused(
    fetchPage(`http://evil.test:${port}/`, { policy, resolve }),
    /resolves to no permitted address/,
    'on the server port',
  );
  assert.equal(seen.length, 0, 'the local server was never reached');
});

test('an allowed host reads its page with no cookies or credentials, and follows up to 3 redirects', async (t) => {
  const { port, seen } = await localServer(t, {
    '/page': html(PAGE),
    '/hop1': redirect('/hop2', { 'set-cookie': 'session=secret' }),
    '/hop2': redirect('/hop3'),
    '/hop3': redirect('/page'),
    '/hop0': redirect('/hop1'),
    '/gzip': (res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE)),
  });
  const policy = createAddressPolicy([`preview.test:${port}`]);
  const resolve = resolver({ 'preview.test': ['127.0.0.1'] });
  const page = await fetchPage(`http://preview.test:${port}/hop1`, { policy, resolve });
  assert.equal(page.url, `http://preview.test:${port}/page`);
  assert.equal(page.html, PAGE);
  for (const { headers } of seen) {
    assert.equal(headers['user-agent'], 'ConfabLinkPreview/1.0');
    assert.equal(headers.cookie, undefined, 'no cookie, not even one a redirect set');
    assert.equal(headers.authorization, undefined);
  }
  assert.equal((await fetchPage(`http://preview.test:${port}/gzip`, { policy, resolve })).html, PAGE, 'gzip');
  await refused(fetchPage(`http://preview.test:${port}/hop0`, { policy, resolve }), /more than 3 redirects/, '4');
});

test('a redirect from the allowed host to loopback, metadata, IPv6 loopback or a rebinding name is refused', async (t) => {
  const target = await localServer(t, { '/page': html(PAGE) });
  const to = {
    loopback: `http://127.0.0.1:${target.port}/page`,
    localhost: `http://localhost:${target.port}/page`,
    metadata: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    v6: `http://[::1]:${target.port}/page`,
    mapped: `http://[::ffff:127.0.0.1]:${target.port}/page`,
    rebind: `http://rebind.test:${target.port}/page`,
    private: 'http://10.0.0.1/',
  };
  const { port } = await localServer(
    t,
    Object.fromEntries(Object.entries(to).map(([name, location]) => [`/${name}`, redirect(location)])),
  );
  const policy = createAddressPolicy([`preview.test:${port}`]);
  const resolve = resolver({ 'preview.test': ['127.0.0.1'], 'rebind.test': ['127.0.0.1'], localhost: ['127.0.0.1'] });
  for (const name of Object.keys(to))
    await refused(
      fetchPage(`http://preview.test:${port}/${name}`, { policy, resolve }),
      /address|resolves/,
      `the redirect to ${name}`,
    );
  assert.equal(target.seen.length, 0, 'the redirect targets were never reached');
});

test('other schemes, credentials in the URL and redirects to them are refused', async (t) => {
  const { port, seen } = await localServer(t, {
    '/file': redirect('file:///etc/passwd'),
    '/creds': redirect('http://user:secret@preview.test/page'),
    '/page': html(PAGE),
  });
  const policy = createAddressPolicy([`preview.test:${port}`]);
  const resolve = resolver({ 'preview.test': ['127.0.0.1'] });
  for (const target of ['ftp://preview.test/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi'])
    await refused(fetchPage(target, { policy, resolve }), /scheme/, target);
  await refused(
    fetchPage(`http://user:secret@preview.test:${port}/page`, { policy, resolve }),
    /credentials/,
    'credentials',
  );
  await refused(fetchPage(`http://preview.test:${port}/file`, { policy, resolve }), /scheme/, 'a redirect to file:');
  await refused(fetchPage(`http://preview.test:${port}/creds`, { policy, resolve }), /credentials/, 'to credentials');
  assert.deepEqual(
    seen.map((s) => s.path),
    ['/file', '/creds'],
    'only the redirecting pages were read',
  );
});

test('only text/html is read; a body over the cap is cut at it, not read whole; a slow page ends refused', async (t) => {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let bigWritten = 0;
  let bigClosedEarly: Promise<boolean> | undefined;
  let slowClosed: Promise<void> | undefined;
  const { port } = await localServer(t, {
    '/json': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"title":"x"}'),
    '/none': (res) => res.writeHead(200).end(PAGE),
    '/image': (res) => res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>'),
    '/big': (res) => {
      bigClosedEarly = new Promise((resolve) => res.once('close', () => resolve(!res.writableFinished)));
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><head><title>Big</title></head><body>');
      const pump = () => {
        while (bigWritten < 64 * 1024 * 1024 && !res.destroyed) {
          bigWritten += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
    '/slow': (res) => {
      slowClosed = new Promise((resolve) => res.once('close', () => resolve()));
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><head>'); // and never more
    },
  });
  const policy = createAddressPolicy([`preview.test:${port}`]);
  const resolve = resolver({ 'preview.test': ['127.0.0.1'] });
  const url = (path: string) => `http://preview.test:${port}${path}`;
  for (const path of ['/json', '/none', '/image'])
    await refused(fetchPage(url(path), { policy, resolve }), /content type/, path);

  const big = await fetchPage(url('/big'), { policy, resolve });
  assert.equal(Buffer.byteLength(big.html), 1024 * 1024, 'exactly the cap was kept');
  assert.ok(big.html.startsWith('<html><head><title>Big</title>'));
  assert.equal(await bigClosedEarly, true, 'the connection closed before the 64 MB body was sent');

  await assert.rejects(fetchPage(url('/slow'), { policy, resolve, deadlineMs: 200 }), 'the slow page was read');
  await slowClosed;
});

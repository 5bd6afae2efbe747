import type { MessageBody } from '@confab/core';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-message/chat-message.js';
import '../../src/chat-window/chat-window.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { bodyText, deepQueryAll, messageRows } from './support/dom.js';
import { localMessage } from './support/messages.js';
import { describe, it } from './support/mocha.js';
import { createChannel, postMessage, registerUser } from './support/rest.js';
import { until } from './support/wait.js';

declare global {
  interface Window {
    /** Set by any script that hostile content manages to run. */
    __confabPwned?: string;
    /** Set by a deliberately live `<img onerror>`, to know that such handlers had time to run. */
    __confabControl?: boolean;
  }
}

const HOSTILE = [
  `<img src=x onerror="window.__confabPwned='img'">`,
  `<script>window.__confabPwned='script'</script>`,
  '[x](javascript:alert(1))',
  '[y](JaVaScRiPt:window.__confabPwned="link")',
  'javascript:window.__confabPwned="bare"',
  '**[a](javascript:window.__confabPwned="bold")**',
  '_[b](javascript:alert(1))_ and *<svg onload="window.__confabPwned=\'svg\'">*',
  '`<img src=x onerror="window.__confabPwned=\'code\'">`',
  '```\n<script>window.__confabPwned="block"</script>\n<img src=x onerror="window.__confabPwned=\'block-img\'">\n```',
  '[data](data:text/html,<script>alert(1)</script>) <a href="javascript:alert(1)">html link</a>',
  '[**safe**](https://example.com/docs) and https://example.com/page?q=1',
];

/** Passes once a live `<img onerror>` has fired: any hostile handler rendered as HTML would have fired too. */
async function handlersHadTheirChance(): Promise<void> {
  const control = document.createElement('div');
  control.innerHTML = `<img src="data:image/png;base64,bm90IGFuIGltYWdl" onerror="window.__confabControl = true">`;
  document.body.append(control);
  try {
    await until(() => window.__confabControl, 'the control image’s onerror');
  } finally {
    control.remove();
    window.__confabControl = undefined;
  }
}

/** Everything that would make a message body live: elements that run or load, and risky links. */
function expectInert(root: Element): void {
  const bodies = messageRows(root).flatMap((row) => deepQueryAll(row.shadowRoot!, '[part="body"]'));
  expect(bodies.length).to.be.greaterThan(0);
  for (const body of bodies) {
    const live = deepQueryAll(
      body,
      'img, script, svg, iframe, object, embed, video, audio, style, [onerror], [onload]',
    );
    expect(
      live.map((el) => el.outerHTML),
      `elements created in "${body.textContent}"`,
    ).to.deep.equal([]);
    for (const link of deepQueryAll<HTMLAnchorElement>(body, 'a')) {
      expect(link.getAttribute('href') ?? '', link.outerHTML).to.match(/^(https?|mailto):/);
      expect(link.getAttribute('rel'), link.outerHTML).to.equal('noopener noreferrer nofollow');
    }
  }
  expect(window.__confabPwned, 'a hostile script ran').to.equal(undefined);
}

describe('hostile message content', () => {
  it('renders as inert text or safe links in a live <chat-window>', async () => {
    const author = await registerUser('mallory');
    const channel = await createChannel(author);
    for (const text of HOSTILE) await postMessage(author, channel.id, text);
    const client = makeClient({ token: author.token });
    const win = await fixture(
      html`<chat-window style="height: 1200px" .client=${client} channel=${channel.id}></chat-window>`,
    );
    await until(() => messageRows(win).length === HOSTILE.length, 'every message');
    await handlersHadTheirChance();

    expectInert(win);
    const texts = messageRows(win).map(bodyText);
    expect(texts[0]).to.equal(HOSTILE[0]);
    expect(texts[1]).to.equal(HOSTILE[1]);
    expect(texts[2]).to.equal('[x](javascript:alert(1))');
    expect(texts[4]).to.equal(HOSTILE[4]);
    expect(texts[5], 'bold keeps the link as text').to.equal('[a](javascript:window.__confabPwned="bold")');
    const [code] = deepQueryAll(messageRows(win)[7]!.shadowRoot!, 'code');
    expect(code?.textContent, 'HTML in backticks is code text').to.equal(
      `<img src=x onerror="window.__confabPwned='code'">`,
    );
    const safe = deepQueryAll<HTMLAnchorElement>(messageRows(win).at(-1)!.shadowRoot!, 'a');
    expect(safe.map((a) => [a.href, a.textContent])).to.deep.equal([
      ['https://example.com/docs', 'safe'],
      ['https://example.com/page?q=1', 'https://example.com/page?q=1'],
    ]);
  });

  it('shows no image or video with a javascript: or data: URL', async () => {
    const base = localMessage({ author: { id: 'u1', username: 'mallory', displayName: 'Mallory' }, body: null });
    const bodies: MessageBody[] = [
      { type: 'image', url: `javascript:window.__confabPwned='image'`, width: 10, height: 10, alt: 'x' },
      { type: 'image', url: 'data:image/svg+xml,<svg onload="window.__confabPwned=1"/>', width: 10, height: 10 },
      { type: 'video', url: 'javascript:alert(1)' },
    ];
    const page = await fixture(
      html`<div>${bodies.map((body) => html`<chat-message .message=${{ ...base, body }}></chat-message>`)}</div>`,
    );
    await handlersHadTheirChance();
    expectInert(page);
  });
});

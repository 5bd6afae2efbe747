// Runs inside Chromium (bundled into the page): shows `count` messages in <chat-window> and, side by side,
// a plain innerHTML list of the same rows; times the first frame, counts DOM rows, appends one message.

/** Every element matching `selector` under `root`, shadow roots included. */
function deepCount(root, selector) {
  let n = root.querySelectorAll(selector).length;
  for (const element of root.querySelectorAll('*'))
    if (element.shadowRoot) n += deepCount(element.shadowRoot, selector);
  return n;
}

/** Whether some leaf element under `root` (shadow roots included) shows `text`. */
function deepHasText(root, text) {
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot && deepHasText(element.shadowRoot, text)) return true;
    if (!element.shadowRoot && element.childElementCount === 0 && element.textContent.includes(text)) return true;
  }
  return false;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Waits frame by frame until `ok()`; resolves the ms since `since`, or -1 after `limit` frames. */
async function framesUntil(ok, since, limit = 600) {
  for (let i = 0; i < limit; i++) {
    await frame();
    if (ok()) return performance.now() - since;
  }
  return -1;
}

/** Measures both lists with `count` messages. */
export async function measureInPage(count) {
  const { createFixtureClient, fixtureUser } = window.confabBench;
  const people = ['alice', 'bob', 'carol', 'dave'].map((name) => fixtureUser(name));
  const text = (i) => `Message ${i}: the quick brown fox jumps over the lazy dog, and again, and again.`;
  const fillStart = performance.now();
  const fixture = createFixtureClient({
    me: people[0],
    channels: [
      { name: 'bench', messages: Array.from({ length: count }, (_, i) => ({ author: people[i % 4], text: text(i) })) },
    ],
  });
  const fillMs = performance.now() - fillStart;
  const channelId = fixture.channelId('bench');
  await frame();

  const host = document.getElementById('confab');
  const windowStart = performance.now();
  const element = document.createElement('chat-window');
  element.client = fixture.client;
  element.channel = channelId;
  host.append(element);
  const firstFrameMs = await framesUntil(() => deepCount(host, 'chat-message') > 0, windowStart);
  await frame();
  const rows = deepCount(host, 'chat-message');
  const appendStart = performance.now();
  fixture.receive('bench', { author: people[1], text: 'one more message' });
  const appendMs = await framesUntil(() => deepHasText(host, 'one more message'), appendStart);

  const plain = document.getElementById('plain');
  const escapeHtml = (s) => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const row = (who, body) => `<div class="row"><b>${escapeHtml(who)}</b> <span>${escapeHtml(body)}</span></div>`;
  const plainStart = performance.now();
  plain.innerHTML = Array.from({ length: count }, (_, i) => row(people[i % 4].displayName, text(i))).join('');
  plain.scrollTop = plain.scrollHeight;
  const plainFirstFrameMs = await framesUntil(() => true, plainStart);
  const plainRows = plain.querySelectorAll('.row').length;
  const plainAppendStart = performance.now();
  plain.insertAdjacentHTML('beforeend', row(people[1].displayName, 'one more message'));
  plain.scrollTop = plain.scrollHeight;
  const plainAppendMs = await framesUntil(() => true, plainAppendStart);

  return { fillMs, firstFrameMs, rows, appendMs, plainFirstFrameMs, plainRows, plainAppendMs };
}

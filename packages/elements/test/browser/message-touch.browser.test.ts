import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/chat-message-list/chat-message-list.js';
import type { ChatMessageElement } from '../../src/chat-message/chat-message.component.js';
import type { ChatMessageActionEvent } from '../../src/events/chat-message-action.js';
import { runAction } from '../../src/shared/message-actions.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { bodyText, byRole, deepActiveElement, focusedName, getByRole, messageRows } from './support/dom.js';
import { press } from './support/keyboard.js';
import { afterEach, describe, it } from './support/mocha.js';
import { createChannel, postMessage, registerUser } from './support/rest.js';
import { until } from './support/wait.js';

/** The element a finger at (x, y) lands on, looking into shadow roots, as the browser hit-tests a tap. */
function hitTest(x: number, y: number): Element {
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  if (!hit) throw new Error(`nothing at ${x},${y}`);
  return hit;
}

/** The pointer events of a touch at (x, y) on what is there: down, then (unless held) up and click. */
function touch(x: number, y: number, { release = true } = {}): Element {
  const target = hitTest(x, y);
  const init = { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y, isPrimary: true };
  target.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerType: 'touch', pointerId: 7 }));
  if (release) {
    target.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerType: 'touch', pointerId: 7 }));
    target.dispatchEvent(new MouseEvent('click', init));
  }
  return target;
}

/** A tap in the middle of an element. */
function tap(element: Element): Element {
  const box = element.getBoundingClientRect();
  return touch(box.left + box.width / 2, box.top + box.height / 2);
}

/** A channel of mine holding one message of mine, in a list on a phone-sized page; actions go to the server. */
async function phoneList() {
  await setViewport({ width: 390, height: 844 });
  const me = await registerUser('thumb');
  const channel = await createChannel(me);
  await postMessage(me, channel.id, 'Tap me gently');
  const client = makeClient({ token: me.token });
  const room = client.channel(channel.id);
  const actions: string[] = [];
  const onAction = (event: ChatMessageActionEvent) => {
    actions.push(event.request.action);
    runAction(room, event);
  };
  const box = await fixture<HTMLElement>(
    html`<div style="height: 700px; display: flex; flex-direction: column">
      <chat-message-list style="flex: 1" label="Phone" .feed=${room} .me=${me.user.id} @chat-message-action=${onAction}></chat-message-list>
    </div>`,
  );
  const list = box.querySelector('chat-message-list')!;
  await until(() => messageRows(list).some((r) => bodyText(r) === 'Tap me gently'), 'the message');
  const row = messageRows(list).find((r) => bodyText(r) === 'Tap me gently') as ChatMessageElement;
  return { list, row, actions, room };
}

const article = (row: ChatMessageElement) => row.shadowRoot!.querySelector('article')!;

describe('<chat-message> on a touch screen (390×844)', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('does nothing where the hidden toolbar is; More opens a menu; Delete asks first', async () => {
    const { row, actions, room } = await phoneList();
    // Where the hover toolbar's Delete button sits, measured before any touch (it takes no room in flow).
    const deleteBox = getByRole(row, 'button', 'Delete').getBoundingClientRect();
    tap(row.shadowRoot!.querySelector('[part="body"]')!); // a first touch: the message is used by touch now

    const hit = touch(deleteBox.left + deleteBox.width / 2, deleteBox.top + deleteBox.height / 2);
    await row.updateComplete;
    expect(!!hit.closest('[part="actions"]'), 'a tap where the toolbar is reaches a toolbar button').to.equal(false);
    expect(actions, 'no action from tapping where the invisible toolbar is').to.deep.equal([]);
    expect(byRole(row, 'alertdialog')).to.have.length(0);
    expect(byRole(row, 'button', 'Delete'), 'no toolbar on touch').to.have.length(0);

    const more = getByRole(row, 'button', 'More actions');
    expect(more.getAttribute('aria-haspopup')).to.equal('menu');
    expect(more.getBoundingClientRect().height, 'a target a finger can hit').to.be.at.least(24);
    tap(more);
    await until(() => byRole(row, 'menu', 'Message actions').length, 'the actions menu');
    const items = byRole(row, 'menuitem').map((item) => item.textContent!.trim());
    expect(items).to.deep.equal(['Reply', 'Add reaction', 'Edit', 'Delete']);
    expect(focusedName(), 'focus moves into the menu').to.equal('Reply');
    await press('ArrowDown');
    expect(focusedName()).to.equal('Add reaction');
    await press('Escape');
    await until(() => !byRole(row, 'menu').length, 'Escape to close the menu');
    expect(deepActiveElement() === more, 'focus returns to More').to.equal(true);

    tap(more);
    await until(() => byRole(row, 'menuitem', 'Delete').length, 'the menu again');
    tap(getByRole(row, 'menuitem', 'Delete'));
    await until(() => byRole(row, 'alertdialog').length, 'the question before deleting');
    const question = getByRole(row, 'alertdialog');
    expect(question.textContent).to.contain('Delete this message? This cannot be undone.');
    expect(focusedName(), 'the safe answer has focus').to.equal('Cancel');
    tap(getByRole(question, 'button', 'Cancel'));
    await until(() => !byRole(row, 'alertdialog').length, 'the question to close');
    expect(actions, 'Cancel deletes nothing').to.deep.equal([]);
    expect(deepActiveElement() === more, 'focus returns to More').to.equal(true);

    // A long press opens the same menu.
    const body = row.shadowRoot!.querySelector('[part="body"]')!.getBoundingClientRect();
    const held = touch(body.left + 10, body.top + body.height / 2, { release: false });
    await until(() => byRole(row, 'menu').length, 'the menu from a long press');
    held.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true, pointerType: 'touch' }));
    held.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    tap(getByRole(row, 'menuitem', 'Delete'));
    await until(() => byRole(row, 'button', 'Delete message').length, 'the question');
    tap(getByRole(row, 'button', 'Delete message'));
    expect(actions).to.deep.equal(['delete']);
    await until(() => room.$messages.get()[0]?.deletedAt, 'the message deleted on the server');
    await until(() => bodyText(row) === 'This message was deleted.', 'the tombstone');
  });

  it('keeps the toolbar hidden from the pointer until hover or focus, with a mouse', async () => {
    const { row } = await phoneList();
    const toolbar = row.shadowRoot!.querySelector<HTMLElement>('[part="actions"]')!;
    expect(getComputedStyle(toolbar).visibility, 'hidden, so it takes no clicks').to.equal('hidden');
    const box = getByRole(row, 'button', 'Delete').getBoundingClientRect();
    const hit = hitTest(box.left + box.width / 2, box.top + box.height / 2);
    expect(!!hit.closest('[part="actions"]'), 'the hidden toolbar takes the click').to.equal(false);
    article(row).focus();
    expect(getComputedStyle(toolbar).visibility, 'shown while the message has focus').to.equal('visible');
  });
});

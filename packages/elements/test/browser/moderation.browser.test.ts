import type { Role } from '@confab/core';
import {
  type ChannelFixture,
  type ChatFixture,
  createFixtureClient,
  type FixtureClient,
  fixtureUser,
} from '@confab/core/fixtures';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-window/chat-window.js';
import type { ChatMembersElement } from '../../src/chat-members/chat-members.component.js';
import type { ChatMessageElement } from '../../src/chat-message/chat-message.component.js';
import type { ChatReportsElement } from '../../src/chat-reports/chat-reports.component.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import { memberActions } from '../../src/shared/moderation.js';
import { expectAccessible } from './support/axe.js';
import './support/benign-errors.js';
import { byRole, deepActiveElement, deepQueryAll, focusedName, getByRole, rowWithText } from './support/dom.js';
import { press, type } from './support/keyboard.js';
import { afterEach, describe, it } from './support/mocha.js';
import { until } from './support/wait.js';

const alice = fixtureUser('alice', { displayName: 'Alice Martin' });
const bob = fixtureUser('bob', { displayName: 'Bob Okafor' });
const carol = fixtureUser('carol', { displayName: 'Carol Nguyen' });
const dan = fixtureUser('dan', { displayName: 'Dan Kowalski' });
const HOUR = 3_600_000;

/** A message from each of the four (as `messages` of a channel fixture). */
const TEAM = [
  { author: bob, text: 'Buy cheap watches' },
  { author: carol, text: 'Welcome, everyone' },
  { author: dan, text: 'Standup at ten' },
  { author: alice, text: 'Morning!' },
];

const open: FixtureClient[] = [];
afterEach(async () => {
  for (const f of open.splice(0)) await f.close();
});

/** A `<chat-window>` on a fixture channel "general", as Alice (whose role is `role`). */
async function windowAs(role: Role, channel: Partial<ChannelFixture> = {}, extra: Partial<ChatFixture> = {}) {
  const f = createFixtureClient({
    me: alice,
    channels: [
      {
        name: 'general',
        role,
        roles: { carol: 'owner', dan: 'moderator' },
        messages: TEAM,
        ...channel,
      },
    ],
    ...extra,
  });
  open.push(f);
  const id = f.channelId('general');
  const win = await fixture<ChatWindowElement>(
    html`<div style="height: 640px; display: flex; flex-direction: column">
      <chat-window style="flex: 1; min-height: 0" .client=${f.client} channel=${id}></chat-window>
    </div>`,
  ).then((box) => box.querySelector('chat-window')!);
  const room = f.client.channel(id);
  // The owners and moderators load when first observed: badges show once they are in.
  await until(() => room.$staff.get().length >= 2, 'the owners and moderators');
  await until(() => rowWithText(win, 'Morning!'), 'the messages');
  return { f, win, room };
}

const row = (win: Element, text: string) => rowWithText(win, text) as ChatMessageElement;

/** The names of a message's menu entries, opened from its "More actions" button (none: no button). */
async function menuOf(message: ChatMessageElement): Promise<string[]> {
  message.focus(); // the toolbar shows while focus is in the message
  await message.updateComplete;
  const more = byRole<HTMLButtonElement>(message, 'button', 'More actions');
  if (!more.length) return [];
  more[0]!.click();
  await until(() => byRole(message, 'menuitem').length, 'the menu');
  return byRole(message, 'menuitem').map((item) => item.textContent!.trim());
}

async function pick(message: ChatMessageElement, entry: string): Promise<HTMLDialogElement | undefined> {
  const items = await menuOf(message);
  expect(items).to.include(entry);
  getByRole(message, 'menuitem', entry).click();
  await message.updateComplete;
  return message.shadowRoot!.querySelector<HTMLDialogElement>('dialog.moderation-dialog') ?? undefined;
}

describe('moderation in <chat-message>', () => {
  it('offers a member Report… on others’ messages and nothing on their own', async () => {
    const { win } = await windowAs('member');
    expect(await menuOf(row(win, 'Buy cheap watches'))).to.deep.equal(['Report…']);
    expect(await menuOf(row(win, 'Morning!'))).to.deep.equal([]);
  });

  it('offers a moderator the moderation of members, and the removal of anyone’s message', async () => {
    const { win } = await windowAs('moderator');
    expect(await menuOf(row(win, 'Buy cheap watches'))).to.deep.equal([
      'Pin',
      'Report…',
      'Remove message',
      'Mute author…',
      'Ban author…',
    ]);
    // the messages of owners and moderators are theirs to remove too, not their authors to mute or ban
    expect(await menuOf(row(win, 'Welcome, everyone'))).to.deep.equal(['Pin', 'Report…', 'Remove message']);
    expect(await menuOf(row(win, 'Standup at ten'))).to.deep.equal(['Pin', 'Report…', 'Remove message']);
    expect(await menuOf(row(win, 'Morning!'))).to.deep.equal(['Pin']);
  });

  it('offers an owner the moderation of moderators', async () => {
    const { win } = await windowAs('owner', { roles: { dan: 'moderator', carol: 'member' } });
    expect(await menuOf(row(win, 'Standup at ten'))).to.deep.equal([
      'Pin',
      'Report…',
      'Remove message',
      'Mute author…',
      'Ban author…',
    ]);
  });

  it('shows role badges beside the authors', async () => {
    const { win } = await windowAs('member');
    const badge = (text: string) =>
      row(win, text).shadowRoot!.querySelector('[part="role-badge"]')?.textContent?.trim() ?? '';
    await until(() => badge('Welcome, everyone') === 'Owner', 'the owner badge');
    expect(badge('Standup at ten')).to.equal('Moderator');
    expect(badge('Buy cheap watches')).to.equal('');
  });

  it('the report dialog sends the reason, and Escape closes it with focus back on its opener', async () => {
    const { win, room } = await windowAs('member');
    const message = row(win, 'Buy cheap watches');
    let dialog = await pick(message, 'Report…');
    expect(dialog?.open, 'the report dialog').to.equal(true);
    expect(deepActiveElement()?.getAttribute('name'), 'focus on the reason').to.equal('reason');
    await press('Escape');
    await until(() => !message.shadowRoot!.querySelector('dialog.moderation-dialog'), 'the dialog to close');
    expect(focusedName(), 'focus back on More actions').to.equal('More actions');

    dialog = await pick(message, 'Report…');
    await expectAccessible(message, 'the report dialog');
    await type('Spam, selling watches');
    getByRole(dialog!, 'button', 'Send report').click();
    await until(() => message.shadowRoot!.querySelector('[role="status"]'), 'the thanks');
    const reports = await room.reports({ status: 'open' });
    expect(reports.items.map((r) => [r.message.id, r.reason])).to.deep.equal([
      [message.message!.id, 'Spam, selling watches'],
    ]);
  });

  it('Ban author… bans for the chosen time with the reason', async () => {
    const { win, room } = await windowAs('moderator');
    const message = row(win, 'Buy cheap watches');
    const dialog = (await pick(message, 'Ban author…'))!;
    expect(getByRole(dialog, 'heading').textContent).to.equal('Ban Bob Okafor');
    dialog.querySelector('textarea')!.value = 'spam';
    dialog.querySelector<HTMLInputElement>('input[value="week"]')!.click();
    const before = Date.now();
    getByRole(dialog, 'button', 'Ban').click();
    await until(async () => (await room.bans()).items.length === 1, 'the ban');
    const [ban] = (await room.bans()).items;
    expect(ban!.user.id).to.equal(bob.id);
    expect(ban!.reason).to.equal('spam');
    const until_ = Date.parse(ban!.until!);
    expect(until_).to.be.within(before + 7 * 24 * HOUR - 1000, Date.now() + 7 * 24 * HOUR);
  });

  it('Mute author… mutes for an hour; Remove message asks first, then reads “Removed by a moderator”', async () => {
    const { win, room } = await windowAs('owner');
    const message = row(win, 'Buy cheap watches');
    const dialog = (await pick(message, 'Mute author…'))!;
    const checked = dialog.querySelector<HTMLInputElement>('input[name="duration"]:checked');
    expect(checked?.value, 'an hour by default').to.equal('hour');
    getByRole(dialog, 'button', 'Mute').click();
    await until(() => room.$members.get().find((m) => m.user.id === bob.id)?.mutedUntil, 'the mute');
    const muted = Date.parse(room.$members.get().find((m) => m.user.id === bob.id)!.mutedUntil!);
    expect(muted - Date.now()).to.be.within(HOUR - 60_000, HOUR);

    expect(await pick(message, 'Remove message')).to.equal(undefined);
    const confirm = getByRole(message, 'alertdialog');
    expect(confirm.textContent).to.contain('Remove this message by Bob Okafor?');
    expect(focusedName(), 'Cancel first').to.equal('Cancel');
    getByRole(confirm, 'button', 'Remove message').click();
    await until(
      () => message.shadowRoot!.querySelector('[part="body"]')?.textContent?.trim() === 'Removed by a moderator.',
      'the tombstone',
    );
  });

  it('Pin marks the message “Pinned by …”, Unpin takes it off', async () => {
    const { win } = await windowAs('moderator');
    const message = row(win, 'Buy cheap watches');
    await pick(message, 'Pin');
    const marker = () => message.shadowRoot!.querySelector('[part="pinned"]')?.textContent?.trim();
    await until(() => marker() === 'Pinned by Alice Martin', 'the pin marker');
    await pick(message, 'Unpin');
    await until(() => marker() === undefined, 'the pin marker gone');
  });

  it('a member who may pin (membersCanPin) is named on the marker too', async () => {
    const { win } = await windowAs('member', { membersCanPin: true });
    const message = row(win, 'Buy cheap watches');
    await pick(message, 'Pin');
    const marker = () => message.shadowRoot!.querySelector('[part="pinned"]')?.textContent?.trim();
    await until(() => marker() === 'Pinned by Alice Martin', 'the pin marker');
  });

  it('hides a blocked user’s messages until Show, and hides them live on Block', async () => {
    const { win, f } = await windowAs('member', {}, { blocked: [bob] });
    const hidden = () =>
      deepQueryAll(win, 'chat-message').filter((m) => m.shadowRoot?.querySelector('[part~="blocked"]'));
    await until(() => hidden().length === 1, 'the hidden message');
    const message = hidden()[0] as ChatMessageElement;
    expect(message.shadowRoot!.textContent).to.contain('Message from a blocked user');
    expect(message.shadowRoot!.textContent).to.not.contain('Buy cheap watches');
    message.focus();
    getByRole(message, 'button', 'Show').click();
    await until(() => rowWithText(win, 'Buy cheap watches'), 'the revealed message');

    await f.client.block(carol.id);
    await until(() => hidden().length === 1 && !rowWithText(win, 'Welcome, everyone'), 'Carol hidden');
  });

  it('renders hostile user text as text', async () => {
    const { win } = await windowAs('moderator', {
      messages: [...TEAM, { author: bob, text: '<img src=x onerror="window.pwned=1">' }],
    });
    const message = await (async () => {
      await until(() => rowWithText(win, '<img src=x onerror="window.pwned=1">'), 'the message');
      return row(win, '<img src=x onerror="window.pwned=1">');
    })();
    await pick(message, 'Ban author…');
    expect(message.shadowRoot!.querySelector('.body img')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });
});

/** The rows of a member panel or a reports view, as text. */
const memberRows = (root: Element) => deepQueryAll(root, 'li[part="member"], li[part="report"]');
const texts = (root: Element) => memberRows(root).map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

describe('<chat-members>', () => {
  async function panel(win: ChatWindowElement): Promise<ChatMembersElement> {
    getByRole(win, 'button', 'Members').click();
    await until(() => win.shadowRoot!.querySelector('chat-members'), 'the panel');
    const members = win.shadowRoot!.querySelector('chat-members')!;
    await until(() => memberRows(members).length >= 4, 'the members');
    return members;
  }

  async function actionsFor(members: ChatMembersElement, name: string): Promise<string[]> {
    const button = byRole<HTMLButtonElement>(members, 'button', `Actions for ${name}`);
    if (!button.length) return [];
    button[0]!.click();
    await until(() => byRole(members, 'menuitem').length, 'the menu');
    const items = byRole(members, 'menuitem').map((i) => i.textContent!.trim());
    await press('Escape');
    await members.updateComplete;
    return items;
  }

  it('lists members with badges, moderators first, and the actions each role allows', async () => {
    const owner = await windowAs('owner', {
      roles: { dan: 'moderator' },
      muted: { bob: new Date(Date.now() + HOUR).toISOString() },
    });
    const members = await panel(owner.win);
    expect(focusedName(), 'focus moves into the panel').to.equal('Close Members');
    const rows = texts(members).slice(0, 4);
    expect(rows[0]).to.match(/^Alice Martin \(you\) Owner @alice/);
    expect(rows[1]).to.match(/^Dan Kowalski Moderator @dan/);
    expect(rows.find((r) => r.startsWith('Bob Okafor'))).to.match(/Muted until/);
    expect(await actionsFor(members, 'Dan Kowalski')).to.deep.equal([
      'Make owner',
      'Make member',
      'Mute…',
      'Remove from channel',
      'Ban…',
      'Block',
    ]);
    expect(await actionsFor(members, 'Bob Okafor')).to.deep.equal([
      'Make owner',
      'Make moderator',
      'Unmute',
      'Remove from channel',
      'Ban…',
      'Block',
    ]);
    expect(await actionsFor(members, 'Alice Martin')).to.deep.equal([]);
    await expectAccessible(members, 'the member panel (owner)');
    await press('Escape');
    await until(() => !owner.win.shadowRoot!.querySelector('chat-members'), 'the panel to close');
    expect(focusedName(), 'focus back on Members').to.equal('Members');
  });

  it('gives a moderator no actions on owners, and a member only Block', async () => {
    const mod = await windowAs('moderator');
    let members = await panel(mod.win);
    expect(await actionsFor(members, 'Carol Nguyen')).to.deep.equal(['Block']);
    expect(await actionsFor(members, 'Bob Okafor')).to.deep.equal(['Mute…', 'Remove from channel', 'Ban…', 'Block']);
    await until(() => members.shadowRoot!.textContent!.includes('Nobody is banned.'), 'the bans section');
    await open.pop()!.close();

    const member = await windowAs('member');
    members = await panel(member.win);
    expect(await actionsFor(members, 'Bob Okafor')).to.deep.equal(['Block']);
    expect(members.shadowRoot!.textContent).to.not.contain('Banned');
    await expectAccessible(members, 'the member panel (member)');
  });

  it('makes a moderator, removes after asking, and lifts a ban', async () => {
    const { win, room } = await windowAs('owner', { bans: [{ user: fixtureUser('eve'), reason: 'trolling' }] });
    const members = await panel(win);
    const menu = async (name: string, entry: string) => {
      getByRole(members, 'button', `Actions for ${name}`).click();
      await until(() => byRole(members, 'menuitem', entry).length, entry);
      getByRole(members, 'menuitem', entry).click();
      await members.updateComplete;
    };
    await menu('Bob Okafor', 'Make moderator');
    await until(() => room.$members.get().find((m) => m.user.id === bob.id)?.role === 'moderator', 'the new role');
    await until(() => texts(members).some((r) => /^Bob Okafor Moderator/.test(r)), 'the badge');

    await menu('Dan Kowalski', 'Remove from channel');
    const dialog = members.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(focusedName(), 'Cancel first').to.equal('Cancel');
    await expectAccessible(members, 'the remove dialog');
    getByRole(dialog, 'button', 'Remove from channel').click();
    await until(() => !room.$members.get().some((m) => m.user.id === dan.id), 'Dan removed');
    expect(focusedName()).to.not.equal('Remove from channel');

    await until(() => byRole(members, 'button', 'Lift ban: Eve').length, 'the ban');
    getByRole(members, 'button', 'Lift ban: Eve').click();
    await until(() => members.shadowRoot!.textContent!.includes('Nobody is banned.'), 'the ban lifted');
    expect((await room.bans()).items).to.deep.equal([]);
  });

  it('a cancelled chat-moderate event leaves the action to the page', async () => {
    const { win, room } = await windowAs('owner');
    const asked: unknown[] = [];
    win.addEventListener('chat-moderate', (e) => {
      asked.push(e.request);
      e.preventDefault();
    });
    const members = await panel(win);
    getByRole(members, 'button', 'Actions for Bob Okafor').click();
    await until(() => byRole(members, 'menuitem', 'Make moderator').length, 'the menu');
    getByRole(members, 'menuitem', 'Make moderator').click();
    await until(() => asked.length, 'the event');
    expect(asked).to.deep.equal([{ action: 'set-role', userId: bob.id, role: 'moderator' }]);
    expect(room.$members.get().find((m) => m.user.id === bob.id)?.role).to.equal('member');
  });
});

describe('memberActions', () => {
  const member = (role: Role, mutedUntil?: string) => ({
    user: bob,
    role,
    joinedAt: new Date(0).toISOString(),
    ...(mutedUntil ? { mutedUntil } : {}),
  });
  it('follows the outrank rule', async () => {
    const viewer = (rank: number) => ({ id: alice.id, rank, blocked: false });
    expect(memberActions(member('owner'), viewer(4))).to.deep.equal([
      'make-moderator',
      'make-member',
      'mute',
      'remove',
      'ban',
      'block',
    ]);
    expect(memberActions(member('owner'), viewer(3))).to.deep.equal(['block']);
    expect(memberActions(member('moderator'), viewer(2))).to.deep.equal(['block']);
    expect(memberActions(member('member'), viewer(1))).to.deep.equal(['block']);
    expect(memberActions(member('member'), { ...viewer(0), blocked: true })).to.deep.equal(['unblock']);
    expect(memberActions({ ...member('member'), user: alice }, viewer(4))).to.deep.equal([]);
  });
});

describe('the composer’s blocked states', () => {
  const note = (win: ChatWindowElement) =>
    win.shadowRoot!.querySelector('chat-composer')!.shadowRoot!.querySelector('[part="blocked"]');
  const textbox = (win: ChatWindowElement) => byRole(win, 'textbox', 'Message');

  it('says why a member cannot post, and comes back when the channel changes', async () => {
    const { win, room } = await windowAs('owner', { archived: true });
    await until(() => note(win), 'the note');
    expect(note(win)!.textContent).to.equal('This channel is archived.');
    expect(note(win)!.getAttribute('role')).to.equal('status');
    expect(textbox(win)).to.deep.equal([]);
    await room.update({ archived: false });
    await until(() => textbox(win).length === 1, 'the composer back');
    await room.update({ archived: true });
    await until(() => note(win), 'the note again');
  });

  it('read-only: only owners and moderators post', async () => {
    const member = await windowAs('member', { readOnly: true });
    await until(() => note(member.win), 'the note');
    expect(note(member.win)!.textContent).to.equal('Only owners and moderators can post here.');
    await open.pop()!.close();
    const moderator = await windowAs('moderator', { readOnly: true });
    expect(note(moderator.win)).to.equal(null);
    expect(textbox(moderator.win).length).to.equal(1);
  });

  it('muted: says until when', async () => {
    const until_ = new Date(Date.now() + 2 * HOUR);
    until_.setSeconds(0, 0);
    const { win } = await windowAs('member', { mutedUntil: until_.toISOString() });
    await until(() => note(win), 'the note');
    const time = new Intl.DateTimeFormat(undefined, {
      ...(until_.toDateString() === new Date().toDateString() ? {} : { dateStyle: 'medium' }),
      timeStyle: 'short',
    }).format(until_);
    expect(note(win)!.textContent).to.equal(`You are muted until ${time}.`);
    await expectAccessible(win, 'a window with a muted composer');
  });
});

describe('<chat-reports> and the settings dialog', () => {
  const reported: Partial<ChannelFixture> = {
    reports: [
      { message: 0, reporter: carol, reason: 'Spam' },
      { message: 2, reporter: bob, reason: 'Rude' },
      { message: 1, reporter: dan, reason: 'Off topic', resolution: 'dismissed', resolvedBy: carol },
    ],
  };

  async function reportsOf(win: ChatWindowElement): Promise<ChatReportsElement> {
    getByRole(win, 'button', 'Reports').click();
    await until(() => win.shadowRoot!.querySelector('chat-reports'), 'the panel');
    const reports = win.shadowRoot!.querySelector('chat-reports')!;
    await until(() => byRole(reports, 'tabpanel')[0]?.getAttribute('aria-busy') === 'false', 'the reports');
    return reports;
  }

  it('is offered to moderators only', async () => {
    const { win } = await windowAs('member', reported);
    expect(byRole(win, 'button', 'Reports')).to.deep.equal([]);
    expect(byRole(win, 'button', 'Settings')).to.deep.equal([]);
    expect(byRole(win, 'button', 'Members').length).to.equal(1);
  });

  it('lists open reports; Dismiss and Remove message resolve them; the Resolved tab lists them', async () => {
    const { win, room } = await windowAs('moderator', reported);
    const reports = await reportsOf(win);
    const items = () => texts(reports);
    expect(items()).to.have.length(2);
    expect(items()[0]).to.match(/^Dan Kowalski Standup at ten Reported by Bob Okafor: Rude/);
    expect(items()[1]).to.match(/^Bob Okafor Buy cheap watches Reported by Carol Nguyen: Spam/);
    // Dan is a moderator: a moderator may only dismiss his report.
    const [danReport, bobReport] = memberRows(reports);
    expect(byRole(danReport!, 'button').map((b) => b.textContent!.trim())).to.deep.equal(['Dismiss']);
    expect(byRole(bobReport!, 'button').map((b) => b.textContent!.trim())).to.deep.equal([
      'Remove message',
      'Mute author…',
      'Ban author…',
      'Dismiss',
    ]);
    await expectAccessible(reports, 'the reports view');

    getByRole(danReport!, 'button', 'Dismiss').click();
    await until(() => items().length === 1, 'the dismissed report gone');
    getByRole(reports, 'button', 'Remove message').click();
    await reports.updateComplete;
    const dialog = reports.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!;
    getByRole(dialog, 'button', 'Remove message').click();
    await until(() => reports.shadowRoot!.textContent!.includes('No open reports.'), 'no open reports');
    await until(
      () =>
        deepQueryAll<ChatMessageElement>(win, 'chat-message').some(
          (m) => m.message?.author.id === bob.id && m.shadowRoot?.textContent?.includes('Removed by a moderator.'),
        ),
      'the message removed',
    );

    getByRole(reports, 'tab', 'Resolved').click();
    await until(() => items().length === 3, 'the resolved reports');
    expect(items().filter((i) => i.includes('Action taken by Alice Martin'))).to.have.length(1);
    expect(items().filter((i) => i.includes('Dismissed by Alice Martin'))).to.have.length(1);
    expect(items().filter((i) => i.includes('Dismissed by Carol Nguyen'))).to.have.length(1);
    const resolved = await room.reports({ status: 'resolved' });
    expect(resolved.items.map((r) => r.resolution).sort()).to.deep.equal(['actioned', 'dismissed', 'dismissed']);
  });

  it('shows an empty state', async () => {
    const { win } = await windowAs('owner');
    const reports = await reportsOf(win);
    expect(reports.shadowRoot!.textContent).to.contain('No open reports.');
  });

  it('the settings dialog (owners) changes the topic and the switches', async () => {
    const { win, room } = await windowAs('owner', { topic: 'Old topic' });
    const settings = getByRole(win, 'button', 'Settings');
    settings.focus(); // as a click would
    settings.click();
    await win.updateComplete;
    const dialog = win.shadowRoot!.querySelector<HTMLDialogElement>('dialog.moderation-dialog')!;
    expect(dialog.open).to.equal(true);
    await expectAccessible(dialog, 'the settings dialog');
    const topic = dialog.querySelector<HTMLInputElement>('input[name="topic"]')!;
    expect(topic.value).to.equal('Old topic');
    topic.value = 'Launch on Thursday';
    dialog.querySelector<HTMLInputElement>('input[name="readOnly"]')!.click();
    dialog.querySelector<HTMLInputElement>('input[name="membersCanPin"]')!.click();
    getByRole(dialog, 'button', 'Save').click();
    await until(() => !win.shadowRoot!.querySelector('dialog.moderation-dialog'), 'the dialog to close');
    const info = room.$info.get();
    const channel = info.status === 'ready' ? info.channel : undefined;
    expect([channel?.topic, channel?.readOnly, channel?.membersCanPin, !!channel?.archived]).to.deep.equal([
      'Launch on Thursday',
      true,
      true,
      false,
    ]);
    const [entry] = (await room.auditLog()).items;
    expect(entry?.details).to.deep.equal({ topic: 'Launch on Thursday', readOnly: true, membersCanPin: true });
    expect(focusedName(), 'focus back on Settings').to.equal('Settings');
  });
});

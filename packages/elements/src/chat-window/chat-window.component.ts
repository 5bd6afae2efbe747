import type { Channel, ChannelInfo, ChannelRoom, ConnectionStatus, Message, Scope, User } from '@confab/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../chat-composer/chat-composer.js';
import '../chat-members/chat-members.js';
import '../chat-message-list/chat-message-list.js';
import '../chat-pins/chat-pins.js';
import '../chat-reports/chat-reports.js';
import '../chat-search/chat-search.js';
import type { ChatComposerElement } from '../chat-composer/chat-composer.component.js';
import type { ChatMessageListElement } from '../chat-message-list/chat-message-list.component.js';
import { ModerationDialog } from '../chat-moderation/dialog.js';
import { dialogStyles } from '../chat-moderation/dialog.styles.js';
import { ChatChannelLeaveEvent } from '../events/chat-channel-leave.js';
import type { ChatEditLastEvent } from '../events/chat-edit-last.js';
import type { ChatMessageActionEvent } from '../events/chat-message-action.js';
import type { ChatMessageJumpEvent } from '../events/chat-message-jump.js';
import { ChatModerateEvent } from '../events/chat-moderate.js';
import type { ChatPanelCloseEvent } from '../events/chat-panel-close.js';
import { ChatThreadOpenEvent } from '../events/chat-thread-open.js';
import { allowed } from '../shared/allowed.js';
import { ChatElement } from '../shared/chat-element.js';
import { runAction } from '../shared/message-actions.js';
import { ModerationController, runModeration } from '../shared/moderation.js';
import { paneStyles } from '../shared/pane.styles.js';
import { LIST_PARTS } from '../shared/parts.js';
import { plainButtonStyles } from '../shared/plain-button.styles.js';
import { RoomController } from '../shared/room-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { chatWindowStyles } from './chat-window.styles.js';

const LOADING: ChannelInfo = { status: 'loading' };

/**
 * One channel: a header (name, members, who is online, join or leave), the message list, who is typing,
 * and the composer, with banners for connecting, reconnecting and offline, and states for loading, empty
 * channels and channels the user may not read or post in. While shown it keeps the channel read, and it
 * opens at the first unread message (the list's "New" divider). Files dragged over the window show a drop
 * target; dropped, they are attached in the composer.
 *
 * Keyboard shortcuts (also in {@link ChatWindowElement.shortcuts}, for a help text):
 * - `Alt+End` (or `Alt+Shift+N`) anywhere in the window: jump to the newest message.
 * - `Escape` in the message list: back to the composer.
 * - In the composer: Enter sends, Shift+Enter adds a line, ArrowUp in an empty composer edits your last message.
 *
 * @fires chat-thread-open - A message's replies are asked for.
 * The header opens the channel's members (a side panel, the whole window on a phone), its reports (for
 * moderators) and its settings (a dialog, for owners).
 *
 * @fires chat-channel-leave - The user confirmed leaving the channel.
 * @fires chat-moderate - The settings dialog asks to change the channel (cancel it to do it yourself).
 * @fires chat-message-jump - A search hit or a pinned message was chosen (the window shows it; cancel it to do it yourself).
 * @csspart tool - Under the header: the channel's search box (`search`) or its pinned messages (`pins`).
 * @csspart search - The channel's search box (`<chat-search>`).
 * @csspart pins - The pinned messages (`<chat-pins>`).
 * @csspart header - The header bar.
 * @csspart title - The channel's name.
 * @csspart leave - The "Leave channel" button.
 * @csspart confirm - The question before leaving.
 * @csspart banner - The connection banner.
 * @csspart typing - The typing indicator.
 * @csspart drop-target - What covers the window while files are dragged over it.
 * @csspart panel - The members or reports panel.
 * @csspart dialog - The channel settings dialog.
 * @slot header-actions - Controls at the end of the header.
 * @slot empty - Shown in an empty channel (instead of "No messages yet").
 *
 * @tagname chat-window
 */
export class ChatWindowElement extends ChatElement {
  static override styles = [themeStyles, plainButtonStyles, paneStyles, dialogStyles, chatWindowStyles];

  /** The channel id. */
  @property() channel = '';
  /** A status line above the messages, for news the window cannot know (why the previous channel went away). */
  @property() notice = '';
  @state() private confirmingLeave = false;
  /** The read marker when the channel opened (before this window moved it): where the "New" divider goes. */
  @state() private unreadAfterSeq: number | undefined;
  /** Whether the window is on screen (not hidden behind another pane, as on a phone). */
  @state() private shown = false;
  /** Files are dragged over the window. */
  @state() private dropping = false;
  /** The side panel shown. */
  @state() private panel: 'members' | 'reports' | undefined;
  /** The search box or the pinned messages, open under the header. */
  @state() private tool: 'search' | 'pins' | undefined;

  readonly #connection = new StoreController<ConnectionStatus>(this, 'idle');
  readonly #me = new StoreController<User | null>(this, null);
  readonly #typing = new StoreController<User[]>(this, []);
  readonly #presence = new StoreController<Record<string, string[]>>(this, {});
  readonly #scopes = new StoreController<Scope[]>(this, []);
  readonly #info = new StoreController<ChannelInfo>(this, LOADING);
  readonly #pins = new StoreController<Message[]>(this, []);
  readonly #rooms = new RoomController(this);
  readonly #moderation = new ModerationController(this);
  readonly #dialog = new ModerationDialog(this, () => this.t);
  #room: ChannelRoom | undefined;
  #opened = false;
  #stopReading: (() => void) | undefined;
  readonly #seen = new IntersectionObserver(([entry]) => {
    this.shown = !!entry?.isIntersecting;
  });

  get #list(): ChatMessageListElement | null {
    return this.renderRoot.querySelector('chat-message-list');
  }

  /** The window's keyboard shortcuts, in words (the `shortcuts` string, replaceable through `strings`). */
  get shortcuts(): string {
    return this.t.shortcuts;
  }

  /** Scrolls to a message (loading its page if needed) and highlights it. */
  async jumpTo(messageId: string): Promise<void> {
    if (!this.client || !this.channel) return;
    await this.client.channel(this.channel).jumpTo(messageId);
    await this.updateComplete;
    await this.#list?.reveal(messageId);
    const row = [...(this.#list?.renderRoot.querySelectorAll('chat-message') ?? [])].find(
      (m) => m.message?.id === messageId,
    );
    row?.focus({ preventScroll: true });
  }

  /** Moves focus to the composer. */
  override focus(): void {
    this.renderRoot.querySelector('chat-composer')?.focus();
  }

  constructor() {
    super();
    // On the element itself: nothing to remove.
    this.addEventListener('keydown', this.#keydown);
    this.addEventListener('dragenter', this.#dragenter);
    this.addEventListener('chat-message-jump', this.#onJump);
  }

  get #composer(): ChatComposerElement | null {
    return this.renderRoot.querySelector('chat-composer');
  }

  /** Files dragged in: the drop target covers the window (while posting is possible). */
  #dragenter = (e: DragEvent) => {
    const composer = this.#composer;
    if (e.dataTransfer?.types.includes('Files') && composer && !composer.disabledReason && !composer.blocked)
      this.dropping = true;
  };

  #drop = (e: DragEvent) => {
    e.preventDefault();
    this.dropping = false;
    this.#composer?.addFiles(e.dataTransfer?.files ?? []);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#seen.observe(this); // keeps the channel read again once on screen
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#seen.disconnect();
    this.shown = false;
    this.#keepRead(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.client;
    if (changed.has('client')) {
      this.#connection.follow(client?.$connection);
      this.#me.follow(client?.$me);
      this.#presence.follow(client?.$presence);
      this.#scopes.follow(client?.$scopes);
    }
    const room = this.#rooms.of(client, this.channel);
    if (room !== this.#room) {
      this.#room = room;
      this.#keepRead(undefined);
      this.#typing.follow(room?.$typing);
      this.#info.follow(room?.$info);
      this.#pins.follow(room?.$pins);
      this.tool = undefined;
      this.#opened = false;
      this.unreadAfterSeq = undefined;
      this.confirmingLeave = false;
      this.panel = undefined;
    }
    this.#moderation.follow(client, room);
    const info = this.#info.value;
    const member = info.status === 'ready' && !!info.channel.role;
    if (room && member && !this.#opened) {
      this.#opened = true;
      this.unreadAfterSeq = room.$readState.get().lastReadSeq; // before keepRead marks it read
    }
    this.#keepRead(this.shown && member ? room : undefined);
  }

  /** Keeps `room` read (while the window is on screen and shows it), or stops. */
  #keepRead(room: ChannelRoom | undefined): void {
    if (room && this.#stopReading) return;
    this.#stopReading?.();
    this.#stopReading = room?.keepRead();
  }

  #keydown = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const newest = e.altKey && (e.key === 'End' || (e.shiftKey && e.code === 'KeyN'));
    const list = this.#list;
    const path = e.composedPath();
    // Escape in a message's dialog (the lightbox) is the dialog's own: it closes it.
    const inList = !!list && path.includes(list) && !path.some((node) => node instanceof HTMLDialogElement);
    if (newest) {
      e.preventDefault();
      void list?.scrollToNewest();
    } else if (e.key === 'Escape' && inList) {
      e.preventDefault();
      this.focus();
    }
  };

  #join = () => {
    void this.#room?.join().catch(() => {}); // a failure leaves the Join button in place
  };

  #askToLeave = async (confirming: boolean) => {
    this.confirmingLeave = confirming;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(confirming ? '.confirm .cancel' : '[part="leave"]')?.focus();
  };

  #leave = async () => {
    const { client, channel } = this;
    if (!client || !this.dispatchEvent(new ChatChannelLeaveEvent(channel))) return;
    await client.leaveChannel(channel).catch(() => {
      if (channel === this.channel) this.confirmingLeave = false;
    });
  };

  #onEditLast = async (e: ChatEditLastEvent) => {
    if (await allowed(e)) (await this.#list?.lastOwnMessage())?.edit();
  };

  #onAction = async (event: ChatMessageActionEvent) => {
    if (!(await allowed(event)) || !this.#room) return;
    if (event.request.action === 'reply') this.dispatchEvent(new ChatThreadOpenEvent(this.channel, event.message.id));
    else runAction(this.#room, event);
  };

  /** Opens or closes a side panel; focus goes into it, and back to its header button. */
  async #togglePanel(panel: 'members' | 'reports' | undefined): Promise<void> {
    const was = this.panel;
    this.panel = panel;
    await this.updateComplete;
    if (panel) {
      const side = this.renderRoot.querySelector<HTMLElement>('[part="panel"]');
      await (side as HTMLElement & { updateComplete?: Promise<unknown> })?.updateComplete;
      side?.focus();
    } else if (was) this.renderRoot.querySelector<HTMLElement>(`[data-panel="${was}"]`)?.focus();
  }

  #onPanelClose = async (e: ChatPanelCloseEvent) => {
    if (await allowed(e)) void this.#togglePanel(undefined);
  };

  #openSettings = () => {
    const channel = this.#moderation.channel;
    const { client } = this;
    const room = this.#room;
    if (!channel || !client || !room) return;
    void this.#dialog.show({ kind: 'settings', channel }, async ({ patch }) => {
      if (!patch || !Object.keys(patch).length) return;
      const request = { action: 'update', patch } as const;
      if (this.dispatchEvent(new ChatModerateEvent(this.channel, request))) await runModeration(client, room, request);
    });
  };

  /** The header's buttons for the members and reports panels and the settings dialog, as the viewer's role allows. */
  #moderationButtons() {
    const t = this.t;
    const mod = this.#moderation;
    const channel = mod.channel;
    if (!channel?.role && !mod.me?.admin) return nothing;
    const { moderate } = mod.value;
    const manage = mod.rank >= 3;
    const toggle = (panel: 'members' | 'reports', label: string) =>
      html`<button
        class="plain"
        data-panel=${panel}
        aria-expanded=${this.panel === panel ? 'true' : 'false'}
        aria-controls="side-panel"
        @click=${() => this.#togglePanel(this.panel === panel ? undefined : panel)}
      >
        ${label}
      </button>`;
    return html`${toggle('members', t.membersPanel)} ${moderate ? toggle('reports', t.reports) : nothing}
    ${manage ? html`<button class="plain" aria-haspopup="dialog" @click=${this.#openSettings}>${t.settings}</button>` : nothing}`;
  }

  /** The Search and Pinned (count) buttons of the header. */
  #toolButtons(channel: Channel | undefined) {
    if (!channel) return nothing;
    const t = this.t;
    const toggle = (tool: 'search' | 'pins', label: string) =>
      html`<button
        class="plain"
        data-tool=${tool}
        aria-expanded=${this.tool === tool ? 'true' : 'false'}
        aria-controls="window-tool"
        @click=${() => this.#toggleTool(this.tool === tool ? undefined : tool)}
      >
        ${label}
      </button>`;
    return html`${toggle('search', t.search)} ${toggle('pins', t.pinnedCount(this.#pins.value.length))}`;
  }

  /** The open tool under the header: the channel's search box, or its pinned messages. */
  #tools() {
    if (!this.tool) return nothing;
    const close = () => void this.#toggleTool(undefined);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !e.defaultPrevented && close();
    return html`<div id="window-tool" class="tool" part="tool" @keydown=${onKey}>
      ${
        this.tool === 'search'
          ? html`<chat-search part="search" .client=${this.client} .strings=${this.strings} channel=${this.channel}></chat-search>`
          : html`<chat-pins part="pins" .client=${this.client} .strings=${this.strings} channel=${this.channel} @chat-panel-close=${close}></chat-pins>`
      }
    </div>`;
  }

  /** Opens or closes the search box or the pins; focus goes into it, and back to its header button. */
  async #toggleTool(tool: 'search' | 'pins' | undefined): Promise<void> {
    const was = this.tool;
    this.tool = tool;
    await this.updateComplete;
    if (tool) {
      const open = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(
        tool === 'search' ? 'chat-search' : 'chat-pins',
      );
      await open?.updateComplete;
      open?.focus();
    } else if (was) this.renderRoot.querySelector<HTMLElement>(`[data-tool="${was}"]`)?.focus();
  }

  /** A search hit or a pin of this channel was chosen: the list shows it, anchored, highlighted and focused. */
  #onJump = async (e: ChatMessageJumpEvent) => {
    if (e.channelId !== this.channel || !(await allowed(e))) return;
    if (this.tool === 'pins') this.tool = undefined;
    await this.jumpTo(e.messageId);
  };

  #renderPanel() {
    const panel = this.panel;
    if (!panel) return nothing;
    return panel === 'members'
      ? html`<chat-members id="side-panel" part="panel" class="side" .client=${this.client} .strings=${this.strings} channel=${this.channel} @chat-panel-close=${this.#onPanelClose}></chat-members>`
      : html`<chat-reports id="side-panel" part="panel" class="side" .client=${this.client} .strings=${this.strings} channel=${this.channel} @chat-panel-close=${this.#onPanelClose}></chat-reports>`;
  }

  #banner() {
    const t = this.t;
    const text = {
      idle: '',
      open: '',
      connecting: t.connecting,
      reconnecting: t.reconnecting,
      offline: t.offline,
      closed: t.closed,
    }[this.#connection.value];
    return html`${text ? html`<div part="banner" class="banner" role="status">${text}</div>` : nothing}
    ${this.notice ? html`<div part="banner" class="banner" role="status">${this.notice}</div>` : nothing}`;
  }

  #header(info: ChannelInfo) {
    const t = this.t;
    const channel = info.status === 'ready' ? info.channel : undefined;
    const online = this.#presence.value[this.channel]?.length ?? 0;
    const canJoin = channel && !channel.role && channel.visibility === 'public';
    const canLeave = channel?.role && channel.visibility !== 'direct';
    return html`<div class="bar" part="header">
        <div class="grow">
          <h2 part="title">${channel ? (channel.visibility === 'direct' ? `@${channel.name}` : `# ${channel.name}`) : t.loading}</h2>
          ${
            channel
              ? html`<span class="meta">${t.members(channel.memberCount)} · ${t.online(online)}${channel.topic ? ` · ${channel.topic}` : ''}</span>`
              : nothing
          }
        </div>
        ${canJoin ? html`<button class="plain" @click=${this.#join}>${t.join}</button>` : nothing}
        ${
          canLeave
            ? html`<button part="leave" class="plain" aria-expanded=${this.confirmingLeave ? 'true' : 'false'} @click=${() => this.#askToLeave(!this.confirmingLeave)}>${t.leaveChannel}</button>`
            : nothing
        }
        ${this.#toolButtons(channel)} ${this.#moderationButtons()}
        <slot name="header-actions"></slot>
      </div>
      ${
        canLeave && this.confirmingLeave
          ? html`<div part="confirm" class="confirm" role="group" aria-labelledby="leave-question" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#askToLeave(false)}>
            <span id="leave-question">${t.leaveConfirm(channel.name)}</span>
            <button class="plain danger" @click=${this.#leave}>${t.leave}</button>
            <button class="plain cancel" @click=${() => this.#askToLeave(false)}>${t.cancel}</button>
          </div>`
          : nothing
      }`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const room = this.#room;
    // The header's actions stay reachable with no channel to show (in `<chat-room>` on a phone: Back to the list).
    if (!room)
      return html`${this.#banner()}<div class="notice">${t.pickChannel} <slot name="header-actions"></slot></div>`;
    const info = this.#info.value;
    if (info.status === 'not_found')
      return html`${this.#banner()}<div class="notice" role="alert">${t.noPermission}</div>`;
    const channel = info.status === 'ready' ? info.channel : undefined;
    const scopes = this.#scopes.value;
    const reason =
      scopes.length && !scopes.includes('chat:write') ? t.readOnly : channel && !channel.role ? t.joinToPost : '';
    const typing = this.#typing.value.map((u) => u.displayName);
    return html`${this.#header(info)} ${this.#tools()} ${this.#banner()}
      <p class="visually-hidden">${t.shortcuts}</p>
      <chat-message-list
        exportparts=${LIST_PARTS}
        .feed=${room}
        .me=${this.#me.value?.id}
        .viewer=${this.#me.value ?? undefined}
        .moderation=${this.#moderation.value}
        .unreadAfterSeq=${this.unreadAfterSeq}
        .strings=${this.strings}
        label=${channel ? channel.name : t.loading}
        @chat-message-action=${this.#onAction}
        ><slot name="empty" slot="empty">${t.empty}</slot></chat-message-list
      >
      <div part="typing" class="typing" aria-live="polite">${typing.length ? t.typing(typing) : ''}</div>
      ${
        this.dropping
          ? html`<div
            part="drop-target"
            class="drop"
            @dragover=${(e: DragEvent) => e.preventDefault()}
            @dragleave=${() => (this.dropping = false)}
            @drop=${this.#drop}
          >
            ${t.dropFiles}
          </div>`
          : nothing
      }
      <chat-composer
        .client=${this.client}
        .strings=${this.strings}
        channel=${this.channel}
        disabled-reason=${reason}
        @chat-edit-last=${this.#onEditLast}
      ></chat-composer>
      ${this.#renderPanel()} ${this.#dialog.render()}`;
  }
}

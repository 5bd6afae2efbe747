import { isMentioned, type LocalMessage, type User } from '@confab/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type DialogRequest, type DialogSubmit, ModerationDialog } from '../chat-moderation/dialog.js';
import { dialogStyles } from '../chat-moderation/dialog.styles.js';
import { ChatMessageActionEvent, type MessageAction } from '../events/chat-message-action.js';
import { avatar, avatarStyles } from '../shared/avatar.js';
import { badgeStyles } from '../shared/badge.styles.js';
import { ChatElement } from '../shared/chat-element.js';
import { handleMenuKey } from '../shared/menu-keys.js';
import { type MessageModeration, rankOf } from '../shared/moderation.js';
import { themeStyles } from '../shared/theme.styles.js';
import { formatTime, fullTime } from '../shared/time.js';
import { chatMessageStyles } from './chat-message.styles.js';
import { renderBody, renderLightbox, renderPreview } from './message-body.js';
import { TouchController } from './touch-controller.js';

const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉', '😮', '😢'];

/** What opens over the message's content: the actions menu, or the question before deleting. */
type Popup = 'menu' | 'confirm' | undefined;

/** One entry of the actions menu. */
interface MenuItem {
  label: string;
  run: () => void;
}

/**
 * One message: avatar, author, time, content (the safe markdown subset, images, videos, files), a link
 * preview, edited and deleted states, reactions, the reply count, and actions (reply, react, and
 * edit/delete for your own). With a mouse the actions are a toolbar shown on hover or focus; on touch they
 * open as a menu from a "More" button or a long press. Deleting asks first. An image keeps its box (from its
 * width and height) while it loads, and opens full screen in a lightbox. A message that mentions you is
 * highlighted, and says so to screen readers.
 *
 * With `moderation` (the message list passes it on), the author's role shows as a badge, a pinned message
 * says who pinned it, a message by someone you blocked stays hidden behind "Message from a blocked user" until
 * you ask to see it, and the menu ("More actions", on hover or focus or on touch) offers what your role allows:
 * Pin or Unpin, Report…, and for moderators on people they outrank, Remove message (asking first), Mute
 * author… and Ban author… (dialogs). A message a moderator removed says so.
 *
 * @fires chat-message-action - A control asks for `reply`, `react`, `unreact`, `edit`, `delete`, `retry`, `discard`, `remove-preview`, `pin`, `unpin`, `report`, `ban-author` or `mute-author`.
 * @csspart message - The message's frame (also `mentioned` when it mentions you).
 * @csspart mentioned - The frame of a message that mentions you.
 * @csspart avatar - The author's picture, or initials on a colour of their own.
 * @csspart author - The author's name.
 * @csspart time - The time it was sent.
 * @csspart body - The content.
 * @csspart link - A link in the content.
 * @csspart mention - An @mention.
 * @csspart mention-me - An @mention of you.
 * @csspart image - An image's button (it opens the lightbox).
 * @csspart video - A video player.
 * @csspart file - A file's chip: a download link with its name and size.
 * @csspart lightbox - The full-screen image dialog.
 * @csspart preview - The link preview card.
 * @csspart preview-image - The link preview's picture.
 * @csspart remove-preview - The author's "Remove preview" button.
 * @csspart code - Inline code.
 * @csspart code-block - A code block.
 * @csspart reactions - The reactions row.
 * @csspart reaction - One reaction button.
 * @csspart replies - The reply count that opens the thread.
 * @csspart actions - The actions toolbar (mouse and keyboard).
 * @csspart more - The "More actions" button (touch).
 * @csspart menu - The actions menu (touch).
 * @csspart confirm - The question asked before deleting.
 * @csspart role-badge - "Owner" or "Moderator" beside the author's name.
 * @csspart pinned - The "Pinned by …" marker.
 * @csspart blocked - The note standing in for a message by someone you blocked.
 * @csspart dialog - A moderation dialog (report, mute, ban).
 * @cssproperty --chat-avatar-size - Size of the avatar (32px).
 * @cssproperty --chat-mention-highlight - Background of a message that mentions you (a soft yellow; darker in dark mode).
 * @slot actions - Extra controls added to the actions toolbar.
 *
 * @tagname chat-message
 */
export class ChatMessageElement extends ChatElement {
  static override styles = [themeStyles, avatarStyles, badgeStyles, chatMessageStyles, dialogStyles];

  /** The message to show. */
  @property({ attribute: false }) message: LocalMessage | undefined;
  /** The signed-in user's id (to mark your own reactions and offer edit and delete). */
  @property({ attribute: false }) me: string | undefined;
  /** The signed-in user, reading: messages that mention them are highlighted, and so are their @mentions. */
  @property({ attribute: false }) viewer: User | undefined;
  /** Hide the reply control (inside a thread). */
  @property({ type: Boolean, attribute: 'no-replies' }) noReplies = false;
  /** Set while the message is the target of a jump. */
  @property({ type: Boolean, reflect: true }) highlighted = false;
  /** Set on your own messages. */
  @property({ type: Boolean, reflect: true }) mine = false;
  /** Set on messages by others that mention you (or `@channel`). */
  @property({ type: Boolean, reflect: true }) mentioned = false;
  /** Grouped under the previous message (same author, moments later): no avatar or author line; the time shows on hover or focus. */
  @property({ type: Boolean, reflect: true }) continued = false;
  /**
   * Whether this message is the list's tab stop. When false the message and every control in it are out
   * of the tab order (`tabindex="-1"`); when true the message is, and its controls join once focus is in it.
   */
  @property({ type: Boolean }) current = true;
  /** Roles, blocked users and what the viewer may do in the channel (moderation controls only with it). */
  @property({ attribute: false }) moderation: MessageModeration | undefined;
  @state() private editing = false;
  /** The message of a blocked user is shown anyway. */
  @state() private revealed = false;
  /** The viewer reported the message. */
  @state() private reported = false;
  @state() private picking = false;
  @state() private popup: Popup;
  @state() private within = false;
  @state() private brokenAvatar = false;
  readonly #touch = new TouchController(this, () => void this.#open('menu'));
  readonly #dialog = new ModerationDialog(this, () => this.t);
  /** Where focus goes back to when the picker, editor, menu or question closes. */
  #opener: HTMLElement | undefined;

  constructor() {
    super();
    // Listeners on the element itself go with it: nothing to remove.
    this.addEventListener('focusin', this.#focusin);
    this.addEventListener('focusout', this.#focusout);
  }

  /** Starts editing (your own text messages). */
  edit(): void {
    if (!this.#canEdit) return;
    this.editing = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector('textarea')?.focus());
  }

  /** Focuses the message itself (the list moves focus between messages with the arrow keys). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('article')?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const m = this.message;
    if (changed.has('message') || changed.has('me')) this.mine = !!m && m.author.id === this.me;
    if (changed.has('message') || changed.has('viewer'))
      this.mentioned = !!m && !m.deletedAt && isMentioned(m, this.viewer ?? null);
    if (changed.has('message') && changed.get('message')?.author.id !== this.message?.author.id)
      this.brokenAvatar = false;
    if (changed.has('message') && changed.get('message')?.id !== this.message?.id) {
      this.revealed = false;
      this.reported = false;
    }
  }

  /** The author is someone the viewer blocked, and the message is not revealed. */
  get #hidden(): boolean {
    const m = this.message;
    return !!m && !this.mine && !this.revealed && !m.deletedAt && !!this.moderation?.blocked.has(m.author.id);
  }

  /** Replying is offered: outside a thread, and where the viewer may post (as far as `moderation` tells). */
  get #canReply(): boolean {
    return !this.noReplies && this.moderation?.post !== false;
  }

  /** Reacting is offered where the viewer may react (as far as `moderation` tells). */
  get #canReact(): boolean {
    return this.moderation?.react !== false;
  }

  /** The viewer moderates, and outranks the author. */
  get #overAuthor(): boolean {
    const mod = this.moderation;
    const author = this.message?.author.id ?? '';
    return !!mod?.moderate && !this.mine && mod.rank > rankOf(mod.roles.get(author) ?? 'member');
  }

  /** The menu's moderation entries that the viewer's role allows on this message. */
  #moderationItems(): MenuItem[] {
    const mod = this.moderation;
    const m = this.message;
    if (!mod || !m) return [];
    const t = this.t;
    const name = m.author.displayName;
    const items: MenuItem[] = [];
    if (mod.pin)
      items.push(
        m.pinnedAt
          ? { label: t.unpin, run: () => this.#fromMenu(() => this.#ask({ action: 'unpin' })) }
          : { label: t.pin, run: () => this.#fromMenu(() => this.#ask({ action: 'pin' })) },
      );
    if (mod.report && !this.mine && !this.reported)
      items.push({
        label: t.report,
        run: () =>
          this.#showDialog({ kind: 'report' }, ({ reason = '' }) => {
            this.#ask({ action: 'report', reason });
            this.reported = true;
          }),
      });
    // Any message but one's own is a moderator's to remove; its author only theirs to mute or ban if they outrank them.
    if (mod.moderate && !this.mine) items.push({ label: t.removeMessage, run: () => void this.#open('confirm') });
    if (this.#overAuthor)
      items.push(
        {
          label: t.muteAuthor,
          run: () =>
            this.#showDialog({ kind: 'mute', name }, ({ until }) =>
              this.#ask({ action: 'mute-author', ...(until ? { until } : {}) }),
            ),
        },
        {
          label: t.banAuthor,
          run: () =>
            this.#showDialog({ kind: 'ban', name }, ({ reason, until }) =>
              this.#ask({ action: 'ban-author', ...(reason ? { reason } : {}), ...(until ? { until } : {}) }),
            ),
        },
      );
    return items;
  }

  /** Closes the menu and opens a dialog; focus goes back to what opened the menu. */
  #showDialog(request: DialogRequest, submit: DialogSubmit): void {
    const back = this.#opener ?? this.renderRoot.querySelector<HTMLElement>('.more') ?? undefined;
    this.#opener = undefined;
    this.popup = undefined;
    void this.#dialog.show(request, submit, back);
  }

  get #canEdit(): boolean {
    return (
      this.mine &&
      !this.message?.deletedAt &&
      !this.message?.pending &&
      !this.message?.failed &&
      this.message?.body?.type === 'text'
    );
  }

  /** `-1` while the message's controls stay out of the tab order. */
  get #tab() {
    return this.current && this.within ? nothing : -1;
  }

  /** The picture did not load: initials instead. */
  #avatarFailed = () => {
    this.brokenAvatar = true;
  };

  #focusin = () => {
    this.within = true;
  };

  #focusout = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    this.within = !!next && (next === this || this.contains(next));
  };

  #ask(request: MessageAction): void {
    if (this.message) this.dispatchEvent(new ChatMessageActionEvent(this.message, request));
  }

  protected override render(): TemplateResult | typeof nothing {
    const m = this.message;
    if (!m) return nothing;
    const t = this.t;
    if (this.#hidden) return this.#renderHidden();
    const when = fullTime(m.createdAt, this.locale);
    const role = this.moderation?.roles.get(m.author.id);
    return html`<article
      part=${this.mentioned ? 'message mentioned' : 'message'}
      class=${this.#touch.touch ? 'touch' : ''}
      tabindex=${this.current ? 0 : -1}
      aria-label=${`${m.author.displayName}, ${formatTime(m.createdAt, this.locale)}${this.mentioned ? `, ${t.mentionsYou}` : ''}`}
    >
      <div class="gutter" @error=${{ handleEvent: this.#avatarFailed, capture: true }}>
        ${
          this.continued
            ? html`<time part="time" class="hover-time" datetime=${m.createdAt} title=${when}>${shortTime(m.createdAt, this.locale)}</time>`
            : avatar(this.brokenAvatar ? { ...m.author, avatarUrl: undefined } : m.author)
        }
      </div>
      <div class="main">
        ${
          this.continued
            ? nothing
            : html`<header>
              <span part="author" class="author">${m.author.displayName}</span>
              ${role ? html`<span part="role-badge" class="badge">${role === 'owner' ? t.owner : t.moderator}</span>` : nothing}
              <time part="time" datetime=${m.createdAt} title=${when}>${formatTime(m.createdAt, this.locale)}</time>
              ${m.editedAt && !m.deletedAt ? html`<span class="meta">(${t.edited})</span>` : nothing}
              ${this.mentioned ? html`<span class="visually-hidden">${t.mentionsYou}</span>` : nothing}
            </header>`
        }
        ${m.pinnedAt && !m.deletedAt ? this.#renderPinned(m) : nothing}
        ${this.editing ? this.#renderEditor(m) : this.#renderBody(m)}
        ${m.preview && !m.deletedAt ? renderPreview(m.preview, t, this.mine ? this.#removePreview : undefined, this.#tab) : nothing}
        ${this.continued && m.editedAt && !m.deletedAt ? html`<span class="meta">(${t.edited})</span>` : nothing}
        ${this.#renderStatus(m)} ${this.#renderReactions(m)}
        ${
          m.replyCount > 0 && !this.noReplies
            ? html`<button part="replies" class="replies" tabindex=${this.#tab} @click=${() => this.#ask({ action: 'reply' })}>${t.replies(m.replyCount)}</button>`
            : nothing
        }
        ${this.reported ? html`<div class="status meta" role="status">${t.reportSent}</div>` : nothing}
        ${this.popup === 'menu' ? this.#renderMenu() : nothing} ${this.popup === 'confirm' ? this.#renderConfirm() : nothing}
        ${this.#dialog.render()}
      </div>
      ${m.deletedAt || m.pending || m.failed ? nothing : this.#touch.touch ? this.#renderMore() : this.#renderToolbar()}
    </article>`;
  }

  /** A message by someone the viewer blocked: a note, and a button that shows the message after all. */
  #renderHidden() {
    const t = this.t;
    const reveal = () => {
      this.revealed = true;
      void this.updateComplete.then(() => this.focus());
    };
    return html`<article part="message blocked" tabindex=${this.current ? 0 : -1} aria-label=${t.blockedMessage}>
      <div class="gutter"></div>
      <div class="main blocked">
        <span>${t.blockedMessage}</span>
        <button class="show" tabindex=${this.#tab} @click=${reveal}>${t.show}</button>
      </div>
    </article>`;
  }

  #renderPinned(m: LocalMessage) {
    // Owners and moderators are named by `moderation`; a member who may pin is likely the author or the viewer.
    const pinner = m.pinnedBy;
    const by =
      pinner &&
      (this.moderation?.names.get(pinner) ?? [m.author, this.viewer].find((u) => u?.id === pinner)?.displayName);
    return html`<div part="pinned" class="pinned meta"><svg class="pin-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M15 2l7 7-2.5 1-4.5 4.5.5 4.5-2 2-4.2-4.2L3.5 22 2 20.5l5.8-5.8L3.5 10.5l2-2 4.5.5L14.5 4.5z" /></svg> ${by ? this.t.pinnedBy(by) : this.t.pinned}</div>`;
  }

  #renderBody(m: LocalMessage) {
    if (m.deletedAt || !m.body) {
      const removed = !!m.deletedBy && m.deletedBy !== m.author.id;
      return html`<div part="body" class="body deleted">${removed ? this.t.removedByModerator : this.t.deleted}</div>`;
    }
    const { t, locale } = this;
    const me = this.viewer?.username;
    return html`<div part="body" class="body" dir="auto">${renderBody(m.body, { t, locale, me, open: this.#openLightbox })}</div>
      ${renderLightbox(m.body, t, this.#closedLightbox)}`;
  }

  /** The image's button that opened the lightbox: focus goes back to it. */
  #thumbnail: HTMLElement | undefined;

  #openLightbox = (event: Event) => {
    this.#thumbnail = event.currentTarget as HTMLElement;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.lightbox')?.showModal();
  };

  #closedLightbox = () => {
    this.#thumbnail?.focus();
    this.#thumbnail = undefined;
  };

  #removePreview = () => this.#ask({ action: 'remove-preview' });

  #renderEditor(m: LocalMessage) {
    const text = m.body?.type === 'text' ? m.body.text : '';
    const save = () => {
      const next = this.renderRoot.querySelector('textarea')?.value.trim();
      void this.#close(() => (this.editing = false));
      if (next && next !== text) this.#ask({ action: 'edit', body: { type: 'text', text: next } });
    };
    return html`<div class="edit">
      <textarea
        aria-label=${this.t.edit}
        dir="auto"
        .value=${text}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            void this.#close(() => (this.editing = false));
          }
        }}
      ></textarea>
      <button @click=${save}>${this.t.save}</button>
      <button @click=${() => this.#close(() => (this.editing = false))}>${this.t.cancel}</button>
    </div>`;
  }

  #renderStatus(m: LocalMessage) {
    if (m.pending) return html`<div class="status meta" role="status">${this.t.pending}</div>`;
    if (!m.failed) return nothing;
    return html`<div class="status failed" role="alert">
      ${this.t.failed} ${m.failed.detail}
      <button tabindex=${this.#tab} @click=${() => this.#ask({ action: 'retry' })}>${this.t.retry}</button>
      <button tabindex=${this.#tab} @click=${() => this.#ask({ action: 'discard' })}>${this.t.discard}</button>
    </div>`;
  }

  #renderReactions(m: LocalMessage) {
    if (!m.reactions.length && !this.picking) return nothing;
    return html`<div part="reactions" class="reactions">
      ${m.reactions.map((r) => {
        const mine = !!this.me && r.userIds.includes(this.me);
        return html`<button
          part="reaction"
          tabindex=${this.#tab}
          aria-pressed=${mine ? 'true' : 'false'}
          aria-label=${this.t.reactionCount(r.emoji, r.count, mine)}
          @click=${() => this.#ask(mine ? { action: 'unreact', emoji: r.emoji } : { action: 'react', emoji: r.emoji })}
        >
          ${r.emoji} ${r.count}
        </button>`;
      })}
      ${
        this.picking
          ? html`<div class="picker" role="group" aria-label=${this.t.react}>
            ${QUICK_REACTIONS.map(
              (emoji) =>
                html`<button
                  aria-label=${this.t.reactWith(emoji)}
                  @click=${() => {
                    void this.#close(() => (this.picking = false));
                    this.#ask({ action: 'react', emoji });
                  }}
                  @keydown=${this.#escape(() => (this.picking = false))}
                >
                  ${emoji}
                </button>`,
            )}
          </div>`
          : nothing
      }
    </div>`;
  }

  /** The toolbar for mouse and keyboard: hidden (and so unclickable) until the message is hovered or focused. */
  #renderToolbar() {
    const t = this.t;
    return html`<div part="actions" class="actions" role="toolbar" aria-label=${t.actions}>
      ${this.#canReply ? html`<button tabindex=${this.#tab} @click=${() => this.#ask({ action: 'reply' })}>${t.reply}</button>` : nothing}
      ${this.#canReact ? html`<button tabindex=${this.#tab} aria-expanded=${this.picking ? 'true' : 'false'} @click=${this.#togglePicker}>${t.react}</button>` : nothing}
      ${this.#canEdit ? html`<button tabindex=${this.#tab} data-action="edit" @click=${this.#startEditing}>${t.edit}</button>` : nothing}
      ${this.mine ? html`<button tabindex=${this.#tab} @click=${(e: Event) => this.#open('confirm', e)}>${t.delete}</button>` : nothing}
      ${this.#moderationItems().length ? this.#renderMenuButton('more-actions') : nothing}
      <slot name="actions"></slot>
    </div>`;
  }

  /** On touch: one visible button that opens the actions as a menu. */
  #renderMore() {
    return this.#renderMenuButton('more');
  }

  /** The "More actions" button: on touch (`more`, always shown), or in the toolbar (`more-actions`). */
  #renderMenuButton(kind: 'more' | 'more-actions') {
    return html`<button
      part="more"
      class=${kind}
      tabindex=${this.#tab}
      aria-label=${this.t.more}
      aria-haspopup="menu"
      aria-expanded=${this.popup === 'menu' ? 'true' : 'false'}
      @click=${(e: Event) => (this.popup === 'menu' ? this.#close(() => (this.popup = undefined)) : this.#open('menu', e))}
    >
      <span aria-hidden="true">⋯</span>
    </button>`;
  }

  /** The actions as a menu: all of them on touch; with a mouse, those the toolbar has no room for. */
  #renderMenu() {
    const t = this.t;
    const items: MenuItem[] = [];
    const add = (when: unknown, label: string, run: () => void) => when && items.push({ label, run });
    if (this.#touch.touch) {
      add(this.#canReply, t.reply, () => this.#fromMenu(() => this.#ask({ action: 'reply' })));
      add(this.#canReact, t.react, () => this.#fromMenu(() => this.#togglePicker()));
      add(this.#canEdit, t.edit, () => this.#fromMenu(this.#startEditing));
      add(this.mine && this.message?.preview, t.removePreview, () => this.#fromMenu(this.#removePreview));
      add(this.mine, t.delete, () => void this.#open('confirm'));
    }
    items.push(...this.#moderationItems());
    return html`<div part="menu" class="menu" role="menu" aria-label=${t.actions} @keydown=${this.#menuKeydown}>
      ${items.map((i) => html`<button role="menuitem" tabindex="-1" @click=${i.run}>${i.label}</button>`)}
    </div>`;
  }

  #renderConfirm() {
    const t = this.t;
    return html`<div
      part="confirm"
      class="confirm"
      role="alertdialog"
      aria-labelledby="confirm-question"
      @keydown=${this.#escape(() => (this.popup = undefined))}
    >
      <p id="confirm-question">${this.mine ? t.confirmDelete : t.confirmRemoveMessage(this.message?.author.displayName ?? '')}</p>
      <button class="danger" @click=${this.#delete}>${this.mine ? t.deleteMessage : t.removeMessage}</button>
      <button data-autofocus @click=${() => this.#close(() => (this.popup = undefined))}>${t.cancel}</button>
    </div>`;
  }

  #delete = () => {
    this.popup = undefined;
    this.#opener = undefined;
    this.#ask({ action: 'delete' });
    void this.updateComplete.then(() => this.focus());
  };

  /** Opens the menu or the question, remembering where focus goes back to, and focuses inside it. */
  async #open(popup: Exclude<Popup, undefined>, event?: Event): Promise<void> {
    if (!this.message || this.message.deletedAt || this.message.pending || this.message.failed || this.#hidden) return;
    if (!(popup === 'confirm' && this.popup === 'menu')) {
      const active = this.shadowRoot?.activeElement as HTMLElement | null;
      this.#opener = (event?.currentTarget as HTMLElement | undefined) ?? active ?? undefined;
    }
    this.popup = popup;
    await this.updateComplete;
    const box = this.renderRoot.querySelector<HTMLElement>(popup === 'menu' ? '.menu' : '.confirm');
    box?.querySelector<HTMLElement>(popup === 'menu' ? '[role="menuitem"]' : '[data-autofocus]')?.focus({
      preventScroll: true,
    });
    box?.scrollIntoView({ block: 'nearest' });
  }

  /** Runs an item of the menu: the menu closes first, and what the item opens takes focus. */
  #fromMenu(run: () => void): void {
    run();
    if (!this.picking && !this.editing) this.#restoreFocus();
    this.popup = undefined;
  }

  #startEditing = () => {
    this.#opener ??= (this.shadowRoot?.activeElement as HTMLElement | null) ?? undefined;
    this.edit();
  };

  #menuKeydown = (event: KeyboardEvent) =>
    handleMenuKey(this.shadowRoot, event, {
      close: () => void this.#close(() => (this.popup = undefined)),
      leave: () => (this.popup = undefined),
    });

  /** A keydown handler closing with Escape. */
  #escape(close: () => void) {
    return (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      void this.#close(close);
    };
  }

  /**
   * Puts focus back where the picker, editor, menu or question was opened from, then closes it (in that
   * order: the hover toolbar is only visible, and so focusable, while focus is inside the message).
   */
  async #close(close: () => void): Promise<void> {
    this.#restoreFocus();
    close();
    await this.updateComplete;
  }

  #restoreFocus(): void {
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
    else (this.renderRoot.querySelector<HTMLElement>('.more') ?? this.renderRoot.querySelector('article'))?.focus();
  }

  #togglePicker = async () => {
    this.picking = !this.picking;
    if (!this.picking) return;
    this.#opener ??= this.renderRoot.querySelector<HTMLElement>('.actions [aria-expanded], .more') ?? undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.picker button')?.focus();
  };

  protected override updated(): void {
    // Links and players in the content follow the message's place in the tab order too.
    const tab = this.current && this.within ? 0 : -1;
    for (const control of this.renderRoot.querySelectorAll<HTMLElement>('.body a, .body video, .body button'))
      control.tabIndex = tab;
  }
}

/** The time of day alone ("14:05"), shown beside a grouped message. */
const shortTime = (iso: string, locale: string | undefined) =>
  new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(Date.parse(iso));

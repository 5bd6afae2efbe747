import type { Ban, ChannelRoom, Member } from '@confab/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ModerationDialog } from '../chat-moderation/dialog.js';
import { dialogStyles } from '../chat-moderation/dialog.styles.js';
import { inForce, untilTime } from '../chat-moderation/until.js';
import { ChatModerateEvent, type ModerationRequest } from '../events/chat-moderate.js';
import { ChatPanelCloseEvent } from '../events/chat-panel-close.js';
import { avatar, avatarStyles } from '../shared/avatar.js';
import { badgeStyles } from '../shared/badge.styles.js';
import { ChatElement } from '../shared/chat-element.js';
import { handleMenuKey } from '../shared/menu-keys.js';
import { type MemberAction, ModerationController, memberActions, rankOf, runModeration } from '../shared/moderation.js';
import { paneStyles } from '../shared/pane.styles.js';
import { PanelController } from '../shared/panel-controller.js';
import { plainButtonStyles } from '../shared/plain-button.styles.js';
import { RoomController } from '../shared/room-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { chatMembersStyles } from './chat-members.styles.js';

/** Moderators and owners first, then by name. */
const byRank = (a: Member, b: Member) =>
  rankOf(b.role) - rankOf(a.role) || a.user.displayName.localeCompare(b.user.displayName);

/**
 * A channel's members: avatar, name, role badge ("Owner", "Moderator"), and who is muted or blocked. Each
 * other member has a menu with what the viewer may do to them — change their role (owners), mute, unmute,
 * remove from the channel or ban (moderators and owners, on people they outrank), and block or unblock
 * (everyone). Removing asks first; muting and banning open a dialog for how long (and why). Moderators also
 * see who is banned, and can lift a ban. Escape or the close button asks to close the panel.
 *
 * @fires chat-moderate - Before each action (cancel it to carry the action out yourself).
 * @fires chat-panel-close - The close button or Escape.
 * @csspart header - The header bar.
 * @csspart close - The close button.
 * @csspart member - One member's row.
 * @csspart avatar - A member's avatar.
 * @csspart role-badge - "Owner" or "Moderator".
 * @csspart member-actions - The button opening a member's menu.
 * @csspart menu - A member's menu.
 * @csspart bans - The "Banned" section.
 * @csspart error - Why the last action failed.
 * @csspart dialog - A moderation dialog (mute, ban, the question before removing).
 *
 * @tagname chat-members
 */
export class ChatMembersElement extends ChatElement {
  static override styles = [
    themeStyles,
    plainButtonStyles,
    paneStyles,
    avatarStyles,
    dialogStyles,
    badgeStyles,
    chatMembersStyles,
  ];

  /** The channel id. */
  @property() channel = '';
  /** The member whose menu is open. */
  @state() private menuFor: string | undefined;
  @state() private error = '';
  @state() private bans: Ban[] | undefined;
  @state() private bansCursor: string | null = null;
  readonly #rooms = new RoomController(this);
  readonly #panel = new PanelController(this, () => new ChatPanelCloseEvent());
  readonly #moderation = new ModerationController(this);
  readonly #members = new StoreController<Member[]>(this, []);
  readonly #dialog = new ModerationDialog(this, () => this.t);
  #room: ChannelRoom | undefined;
  #bansLoaded: ChannelRoom | undefined;

  /** Moves focus into the panel (its close button). */
  override focus(options?: FocusOptions): void {
    this.#panel.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const room = this.#rooms.of(this.client, this.channel);
    if (room !== this.#room || changed.has('client')) {
      this.#room = room;
      this.#moderation.follow(this.client, room);
      this.#members.follow(room?.$members);
      this.menuFor = undefined;
      this.error = '';
      this.bans = undefined;
    }
    if (room && this.#moderation.rank >= 2 && this.#bansLoaded !== room) {
      this.#bansLoaded = room;
      void this.#loadBans(true);
    }
  }

  async #loadBans(fresh: boolean): Promise<void> {
    const room = this.#room;
    if (!room) return;
    try {
      const page = await room.bans(fresh ? undefined : (this.bansCursor ?? undefined));
      if (room !== this.#room) return;
      this.bans = fresh ? page.items : [...(this.bans ?? []), ...page.items];
      this.bansCursor = page.nextCursor;
    } catch (error) {
      this.#failed(error);
    }
  }

  #failed(error: unknown): void {
    const why = (error as { detail?: string }).detail ?? (error as Error).message ?? String(error);
    this.error = this.t.failedAction(why);
  }

  /** Asks (`chat-moderate`) and, unless cancelled, carries out a request; rejects when it fails. */
  async #run(request: ModerationRequest): Promise<void> {
    const { client } = this;
    const room = this.#room;
    if (!client || !room || !this.dispatchEvent(new ChatModerateEvent(this.channel, request))) return;
    await runModeration(client, room, request);
    if (request.action === 'ban' || request.action === 'unban') await this.#loadBans(true);
  }

  /** Runs a request at once, showing a failure above the list. */
  #now(request: ModerationRequest): void {
    this.error = '';
    this.#run(request).catch((error) => this.#failed(error));
  }

  #button(userId: string): HTMLElement | undefined {
    return (
      this.renderRoot.querySelector<HTMLElement>(`[data-user="${CSS.escape(userId)}"] [part="member-actions"]`) ??
      undefined
    );
  }

  async #toggleMenu(userId: string | undefined, focusMenu = true): Promise<void> {
    const was = this.menuFor;
    this.menuFor = userId;
    await this.updateComplete;
    if (userId && focusMenu) this.renderRoot.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    else if (!userId && was) this.#button(was)?.focus();
  }

  /** Focus left a member's row: its menu closes. */
  #focusout = (event: FocusEvent) => {
    const row = event.currentTarget as HTMLElement;
    if (this.menuFor === row.dataset.user && !row.contains(event.relatedTarget as Node | null))
      this.menuFor = undefined;
  };

  #menuKeydown = (event: KeyboardEvent) =>
    handleMenuKey(this.shadowRoot, event, {
      close: () => void this.#toggleMenu(undefined),
      leave: () => (this.menuFor = undefined),
    });

  #label(action: MemberAction): string {
    const t = this.t;
    return {
      'make-owner': t.makeOwner,
      'make-moderator': t.makeModerator,
      'make-member': t.makeMember,
      mute: t.mute,
      unmute: t.unmute,
      remove: t.removeMember,
      ban: t.ban,
      block: t.block,
      unblock: t.unblock,
    }[action];
  }

  /** Carries out a menu entry: at once, or after its dialog. */
  #act(member: Member, action: MemberAction): void {
    const t = this.t;
    const userId = member.user.id;
    const name = member.user.displayName;
    const opener = this.#button(userId);
    this.menuFor = undefined;
    this.error = '';
    switch (action) {
      case 'make-owner':
      case 'make-moderator':
      case 'make-member':
        opener?.focus();
        this.#now({ action: 'set-role', userId, role: action.slice(5) as Member['role'] });
        break;
      case 'unmute':
        opener?.focus();
        this.#now({ action: 'mute', userId, until: null });
        break;
      case 'block':
      case 'unblock':
        opener?.focus();
        this.#now({ action, userId });
        break;
      case 'mute':
        void this.#dialog.show(
          { kind: 'mute', name },
          ({ until }) => this.#run({ action: 'mute', userId, until: until ?? null }),
          opener,
        );
        break;
      case 'ban':
        void this.#dialog.show(
          { kind: 'ban', name },
          ({ reason, until }) =>
            this.#run({ action: 'ban', userId, ...(reason ? { reason } : {}), ...(until ? { until } : {}) }),
          opener,
        );
        break;
      case 'remove':
        void this.#dialog.show(
          { kind: 'confirm', title: t.removeMember, text: t.confirmRemove(name), submit: t.removeMember },
          () => this.#run({ action: 'remove', userId }),
          opener,
        );
        break;
    }
  }

  #renderMember(member: Member, me: string | undefined, rank: number, blocked: ReadonlySet<string>) {
    const t = this.t;
    const { user, role } = member;
    const isBlocked = blocked.has(user.id);
    const actions = memberActions(member, { id: me, rank, blocked: isBlocked });
    const open = this.menuFor === user.id;
    const notes = [
      inForce(member.mutedUntil) ? t.mutedUntil(untilTime(member.mutedUntil, this.locale)) : '',
      isBlocked ? t.blockedLabel : '',
    ].filter(Boolean);
    return html`<li part="member" class="member" data-user=${user.id} @focusout=${this.#focusout}>
      <div class="row">
        ${avatar(user)}
        <div class="who">
          <span class="name">${user.displayName}</span>
          ${user.id === me ? html`<span class="meta">${t.you}</span>` : nothing}
          ${role !== 'member' ? html`<span part="role-badge" class="badge">${role === 'owner' ? t.owner : t.moderator}</span>` : nothing}
          <span class="handle">@${user.username}</span>
          ${notes.length ? html`<span class="notes">${notes.join(' · ')}</span>` : nothing}
        </div>
        ${
          actions.length
            ? html`<button
              part="member-actions"
              class="plain more"
              aria-label=${t.memberActions(user.displayName)}
              aria-haspopup="menu"
              aria-expanded=${open ? 'true' : 'false'}
              @click=${() => this.#toggleMenu(open ? undefined : user.id)}
            >
              <span aria-hidden="true">⋯</span>
            </button>`
            : nothing
        }
      </div>
      ${
        open
          ? html`<div part="menu" class="menu" role="menu" aria-label=${t.memberActions(user.displayName)} @keydown=${this.#menuKeydown}>
            ${actions.map(
              (a) =>
                html`<button role="menuitem" tabindex="-1" class=${a === 'remove' || a === 'ban' ? 'danger-text' : ''} @click=${() => this.#act(member, a)}>
                  ${this.#label(a)}
                </button>`,
            )}
          </div>`
          : nothing
      }
    </li>`;
  }

  #renderBans(bans: Ban[]) {
    const t = this.t;
    return html`<section part="bans" class="bans" aria-labelledby="bans-title">
      <h3 id="bans-title">${t.banned}</h3>
      ${
        bans.length
          ? html`<ul class="list">
            ${bans.map(
              (b) => html`<li class="member">
                <div class="row">
                  ${avatar(b.user)}
                  <div class="who">
                    <span class="name">${b.user.displayName}</span>
                    <span class="notes">${b.until ? t.bannedUntil(untilTime(b.until, this.locale)) : t.bannedForever}${b.reason ? ` · ${b.reason}` : ''}</span>
                  </div>
                  <button class="plain" aria-label=${`${t.liftBan}: ${b.user.displayName}`} @click=${() => this.#now({ action: 'unban', userId: b.user.id })}>
                    ${t.liftBan}
                  </button>
                </div>
              </li>`,
            )}
          </ul>`
          : html`<p class="meta empty">${t.noBans}</p>`
      }
      ${this.bansCursor ? html`<button class="plain" @click=${() => this.#loadBans(false)}>${t.loadMore}</button>` : nothing}
    </section>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.t;
    if (!this.#room) return nothing;
    const mod = this.#moderation;
    const members = [...this.#members.value].sort(byRank);
    const blocked = new Set(mod.blocked);
    const me = mod.me?.id;
    const rank = mod.rank;
    return html`<section class="pane" aria-labelledby="members-title">
      <div class="bar" part="header">
        <h2 id="members-title">${t.membersPanel}</h2>
        <span class="meta grow">${members.length ? t.members(members.length) : t.loading}</span>
        ${this.#panel.closeButton(t.closePanel(t.membersPanel))}
      </div>
      <div class="scroll">
        ${this.error ? html`<p part="error" class="error" role="alert">${this.error}</p>` : nothing}
        <ul class="list" aria-labelledby="members-title">
          ${members.map((m) => this.#renderMember(m, me, rank, blocked))}
        </ul>
        ${rank >= 2 && this.bans ? this.#renderBans(this.bans) : nothing}
      </div>
      ${this.#dialog.render()}
    </section>`;
  }
}

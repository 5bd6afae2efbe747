import type { ChannelRoom, Message, Report } from '@confab/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { chatMembersStyles } from '../chat-members/chat-members.styles.js';
import { type DialogRequest, ModerationDialog } from '../chat-moderation/dialog.js';
import { dialogStyles } from '../chat-moderation/dialog.styles.js';
import { ChatModerateEvent, type ModerationRequest } from '../events/chat-moderate.js';
import { ChatPanelCloseEvent } from '../events/chat-panel-close.js';
import { ChatElement } from '../shared/chat-element.js';
import { ModerationController, rankOf, runModeration } from '../shared/moderation.js';
import { paneStyles } from '../shared/pane.styles.js';
import { PanelController } from '../shared/panel-controller.js';
import { plainButtonStyles } from '../shared/plain-button.styles.js';
import { RoomController } from '../shared/room-controller.js';
import type { ChatStrings } from '../shared/strings.js';
import { themeStyles } from '../shared/theme.styles.js';
import { formatTime, fullTime } from '../shared/time.js';
import { chatReportsStyles } from './chat-reports.styles.js';

type Tab = 'open' | 'resolved';

/** A message in a line of text (never markup): its text, a file's name, or what became of it. */
function excerpt(message: Message, t: ChatStrings): string {
  const body = message.body;
  if (message.deletedAt || !body)
    return message.deletedBy && message.deletedBy !== message.author.id ? t.removedByModerator : t.deleted;
  return body.type === 'text' ? body.text : (body.name ?? t.image);
}

/**
 * A channel's reports, for its moderators: the open ones (the message, who reported it and why, when) with
 * what to do about each — remove the message (asking first), mute or ban its author (dialogs), all of which
 * resolve the report as actioned, or dismiss it — and, in a second tab, the resolved ones. Escape or the
 * close button asks to close the panel.
 *
 * @fires chat-moderate - Before each action (cancel it to carry the action out yourself).
 * @fires chat-panel-close - The close button or Escape.
 * @csspart header - The header bar.
 * @csspart close - The close button.
 * @csspart tabs - The Open / Resolved tabs.
 * @csspart report - One report.
 * @csspart excerpt - The reported message.
 * @csspart error - Why the last action failed.
 * @csspart dialog - A moderation dialog.
 *
 * @tagname chat-reports
 */
export class ChatReportsElement extends ChatElement {
  static override styles = [
    themeStyles,
    plainButtonStyles,
    paneStyles,
    dialogStyles,
    chatMembersStyles,
    chatReportsStyles,
  ];

  /** The channel id. */
  @property() channel = '';
  @state() private tab: Tab = 'open';
  @state() private reports: Report[] | undefined;
  @state() private cursor: string | null = null;
  @state() private error = '';
  readonly #rooms = new RoomController(this);
  readonly #panel = new PanelController(this, () => new ChatPanelCloseEvent());
  readonly #moderation = new ModerationController(this);
  readonly #dialog = new ModerationDialog(this, () => this.t);
  #room: ChannelRoom | undefined;
  #loads = 0;

  /** Moves focus into the panel (its close button). */
  override focus(options?: FocusOptions): void {
    this.#panel.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const room = this.#rooms.of(this.client, this.channel);
    if (room !== this.#room || changed.has('client')) {
      this.#room = room;
      this.#moderation.follow(this.client, room);
      this.error = '';
      void this.#load(true);
    }
  }

  /** Shows a tab, loading its reports. */
  #show(tab: Tab): void {
    if (tab === this.tab) return;
    this.tab = tab;
    void this.#load(true);
  }

  async #load(fresh: boolean): Promise<void> {
    const room = this.#room;
    const load = ++this.#loads;
    if (fresh) {
      this.reports = undefined;
      this.cursor = null;
    }
    if (!room) return;
    try {
      const cursor = fresh ? undefined : (this.cursor ?? undefined);
      const page = await room.reports({ status: this.tab, ...(cursor ? { cursor } : {}) });
      if (load !== this.#loads) return;
      this.reports = [...(fresh ? [] : (this.reports ?? [])), ...page.items];
      this.cursor = page.nextCursor;
    } catch (error) {
      if (load === this.#loads) this.#failed(error);
    }
  }

  #failed(error: unknown): void {
    const why = (error as { detail?: string }).detail ?? (error as Error).message ?? String(error);
    this.error = this.t.failedAction(why);
  }

  async #run(request: ModerationRequest): Promise<void> {
    const { client } = this;
    const room = this.#room;
    if (client && room && this.dispatchEvent(new ChatModerateEvent(this.channel, request)))
      await runModeration(client, room, request);
  }

  /** Does something about a report, then resolves it and takes it off the open list. */
  async #resolve(report: Report, resolution: 'dismissed' | 'actioned', first?: ModerationRequest): Promise<void> {
    if (first) await this.#run(first);
    await this.#run({ action: 'resolve', reportId: report.id, resolution });
    this.reports = this.reports?.filter((r) => r.id !== report.id);
  }

  #tabKeydown = (e: KeyboardEvent) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    this.#show(this.tab === 'open' ? 'resolved' : 'open');
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus(),
    );
  };

  #ask(
    report: Report,
    request: DialogRequest,
    then: (values: { reason?: string; until?: string }) => ModerationRequest,
  ) {
    return (event: Event) =>
      void this.#dialog.show(
        request,
        (values) => this.#resolve(report, 'actioned', then(values)),
        event.currentTarget as HTMLElement,
      );
  }

  #renderActions(report: Report) {
    const t = this.t;
    const author = report.message.author;
    const mod = this.#moderation.value;
    const over = mod.rank > rankOf(mod.roles.get(author.id) ?? 'member') && author.id !== this.#moderation.me?.id;
    const name = author.displayName;
    const dismiss = () => {
      this.error = '';
      this.#resolve(report, 'dismissed').catch((error) => this.#failed(error));
    };
    return html`<div class="actions">
      ${
        over && !report.message.deletedAt
          ? html`<button
            class="plain"
            @click=${this.#ask(
              report,
              { kind: 'confirm', title: t.removeMessage, text: t.confirmRemoveMessage(name), submit: t.removeMessage },
              () => ({ action: 'delete-message', messageId: report.message.id }),
            )}
          >
            ${t.removeMessage}
          </button>`
          : nothing
      }
      ${
        over
          ? html`<button class="plain" @click=${this.#ask(report, { kind: 'mute', name }, ({ until }) => ({ action: 'mute', userId: author.id, until: until ?? null }))}>
              ${t.muteAuthor}
            </button>
            <button
              class="plain"
              @click=${this.#ask(report, { kind: 'ban', name }, ({ reason, until }) => ({
                action: 'ban',
                userId: author.id,
                ...(reason ? { reason } : {}),
                ...(until ? { until } : {}),
              }))}
            >
              ${t.banAuthor}
            </button>`
          : nothing
      }
      <button class="plain" @click=${dismiss}>${t.dismiss}</button>
    </div>`;
  }

  #renderReport(report: Report) {
    const t = this.t;
    const m = report.message;
    const by = report.resolvedBy?.displayName ?? '';
    return html`<li part="report" class="report">
      <blockquote part="excerpt" class="excerpt">
        <span class="name">${m.author.displayName}</span>
        <span class="text ${m.deletedAt ? 'deleted' : ''}" dir="auto">${excerpt(m, t)}</span>
      </blockquote>
      <p class="reason">${t.reportedBy(report.reporter.displayName, report.reason)}</p>
      <time class="meta" datetime=${report.createdAt} title=${fullTime(report.createdAt, this.locale)}>${formatTime(report.createdAt, this.locale)}</time>
      ${
        report.status === 'open'
          ? this.#renderActions(report)
          : html`<p class="meta">${report.resolution === 'actioned' ? t.actioned(by) : t.dismissed(by)}</p>`
      }
    </li>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.t;
    if (!this.#room) return nothing;
    const reports = this.reports;
    const tab = (id: Tab, label: string) =>
      html`<button
        role="tab"
        id=${`tab-${id}`}
        aria-selected=${this.tab === id ? 'true' : 'false'}
        aria-controls="reports-panel"
        tabindex=${this.tab === id ? 0 : -1}
        @click=${() => this.#show(id)}
      >
        ${label}
      </button>`;
    return html`<section class="pane" aria-labelledby="reports-title">
      <div class="bar" part="header">
        <h2 id="reports-title" class="grow">${t.reports}</h2>
        ${this.#panel.closeButton(t.closePanel(t.reports))}
      </div>
      <div part="tabs" class="tabs" role="tablist" aria-label=${t.reports} @keydown=${this.#tabKeydown}>
        ${tab('open', t.openReports)} ${tab('resolved', t.resolvedReports)}
      </div>
      <div class="scroll" id="reports-panel" role="tabpanel" aria-labelledby=${`tab-${this.tab}`} aria-busy=${reports ? 'false' : 'true'}>
        ${this.error ? html`<p part="error" class="error" role="alert">${this.error}</p>` : nothing}
        ${
          !reports
            ? html`<p class="meta empty">${t.loading}</p>`
            : reports.length
              ? html`<ul class="list">${reports.map((r) => this.#renderReport(r))}</ul>`
              : html`<p class="meta empty">${this.tab === 'open' ? t.noReports : t.noResolved}</p>`
        }
        ${this.cursor ? html`<button class="plain more-reports" @click=${() => this.#load(false)}>${t.loadMore}</button>` : nothing}
      </div>
      ${this.#dialog.render()}
    </section>`;
  }
}

import type { LinkPreview, MessageBody } from '@confab/core';
import { html, nothing, type TemplateResult } from 'lit';
import { fileSize } from '../shared/file-size.js';
import { renderMarkdown, safeUrl } from '../shared/markdown.js';
import type { ChatStrings } from '../shared/strings.js';

/** The largest box an image or video takes in a message, in CSS pixels. */
const MAX_WIDTH = 360;
const MAX_HEIGHT = 320;

/** What a body needs besides itself. */
export interface BodyContext {
  t: ChatStrings;
  locale: string | undefined;
  /** The reader's username, to mark mentions of them. */
  me: string | undefined;
  /** Opens the lightbox (an image's button was pressed). */
  open: (event: Event) => void;
}

const LINK_REL = 'noopener noreferrer nofollow';

/**
 * The box an image takes before it loads, from its intrinsic size: never wider than the message or
 * `MAX_WIDTH`, never taller than `MAX_HEIGHT`, never scaled up; the height follows from `aspect-ratio`.
 */
const box = (width = 16, height = 9) =>
  `aspect-ratio: ${width} / ${height}; width: min(100%, ${Math.min(width, MAX_WIDTH, (MAX_HEIGHT * width) / height)}px)`;

/** The short name a file chip shows in its icon: its extension, or "FILE". */
const extension = (name: string) => /\.([a-z0-9]{1,4})$/i.exec(name)?.[1]?.toUpperCase() ?? 'FILE';

/** A message's content: the markdown subset, an image (opens the lightbox), a video, or a file to download. */
export function renderBody(body: MessageBody, { t, locale, me, open }: BodyContext): TemplateResult | unknown[] {
  if (body.type === 'text') return renderMarkdown(body.text, me);
  const src = body.url ? safeUrl(body.url) : undefined;
  if (!src) return [];
  const name = body.name ?? '';
  if (body.type === 'image') {
    return html`<button
      part="image"
      class="media"
      type="button"
      aria-haspopup="dialog"
      aria-label=${t.openImage(body.alt || name || t.image)}
      .style=${box(body.width, body.height)}
      @click=${open}
    >
      <img src=${src} alt=${body.alt ?? ''} width=${body.width} height=${body.height} loading="lazy" decoding="async" />
    </button>`;
  }
  if (body.type === 'video')
    return html`<video part="video" class="media" src=${src} controls preload="metadata" .style=${box()}></video>`;
  const size = body.size ? fileSize(body.size, locale) : '';
  return html`<a part="file" class="file" href=${src} download=${name} target="_blank" rel=${LINK_REL}>
    <span class="icon" aria-hidden="true">${extension(name)}</span>
    <span class="name">${name || t.download}</span>
    <span class="size">${size}</span>
  </a>`;
}

/** The full-screen view of an image message: the picture, its alt text, a download link, Close. */
export function renderLightbox(body: MessageBody, t: ChatStrings, onClose: () => void) {
  const src = body.type === 'image' && body.url ? safeUrl(body.url) : undefined;
  if (body.type !== 'image' || !src) return nothing;
  const close = (e: Event) => (e.target as Element).closest('dialog')?.close();
  return html`<dialog
    part="lightbox"
    class="lightbox"
    aria-label=${body.alt || body.name || t.image}
    @close=${onClose}
    @click=${(e: Event) => e.target === e.currentTarget && close(e)}
  >
    <div class="lightbox-bar">
      <span class="caption" dir="auto">${body.alt ?? ''}</span>
      <a href=${src} download=${body.name ?? ''} target="_blank" rel=${LINK_REL}>${t.download}</a>
      <button type="button" autofocus @click=${close}>${t.close}</button>
    </div>
    <img src=${src} alt=${body.alt ?? ''} loading="lazy" decoding="async" @click=${close} />
  </dialog>`;
}

/** The card under a message for its first link: site, title (a link), description, image; the author may remove it. */
export function renderPreview(
  preview: LinkPreview,
  t: ChatStrings,
  remove: (() => void) | undefined,
  tab: number | typeof nothing,
) {
  const href = safeUrl(preview.url);
  if (!href) return nothing;
  const image = preview.imageUrl ? safeUrl(preview.imageUrl) : undefined;
  return html`<div part="preview" class="preview" dir="auto">
    ${
      image
        ? html`<img part="preview-image" src=${image} alt="" width="64" height="64" loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
        : nothing
    }
    <div class="card">
      ${preview.siteName ? html`<div class="site">${preview.siteName}</div>` : nothing}
      <a class="title" href=${href} target="_blank" rel=${LINK_REL} tabindex=${tab}>${preview.title || preview.url}</a>
      ${preview.description ? html`<p class="desc">${preview.description}</p>` : nothing}
    </div>
    ${
      remove
        ? html`<button part="remove-preview" class="unpreview" type="button" tabindex=${tab} aria-label=${t.removePreview} @click=${remove}>
          <span aria-hidden="true">✕</span>
        </button>`
        : nothing
    }
  </div>`;
}

import { css, html, type TemplateResult } from 'lit';
import { safeUrl } from './markdown.js';

/** Who an avatar shows: a user, or anything with the same three fields. */
export interface AvatarUser {
  readonly id: string;
  readonly displayName: string;
  readonly avatarUrl?: string | undefined;
}

/** Backgrounds for initials; each holds white text at a contrast of at least 4.5:1. */
const PALETTE = ['#b42318', '#9a3412', '#8a5a00', '#2e7d32', '#00695c', '#1565c0', '#5e35b1', '#ad1457', '#37474f'];

/** A colour for a user, the same on every page and every visit: a hash of the id picks it from the palette. */
export function avatarColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length]!;
}

/** Up to two letters for a name: the first of its first two words ("Ann Lee" → "AL"). */
export function initials(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/**
 * A user's avatar: their picture when they have one (an http or https URL), else their initials on their
 * colour (drawn by CSS, so they stay out of the text beside it). Decorative: the name is always shown or
 * announced beside it. `part="avatar"`; style it with `avatarStyles`.
 */
export function avatar(user: AvatarUser): TemplateResult {
  const src = user.avatarUrl && safeUrl(user.avatarUrl);
  return src
    ? html`<img part="avatar" class="avatar" src=${src} alt="" />`
    : html`<span
        part="avatar"
        class="avatar"
        aria-hidden="true"
        data-initials=${initials(user.displayName)}
        .style=${`--_avatar-bg: ${avatarColor(user.id)}`}
      ></span>`;
}

/** The avatar's look: a circle of `--chat-avatar-size` (32px); initials in white on the user's colour. */
export const avatarStyles = css`
  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: var(--chat-avatar-size, 32px);
    block-size: var(--chat-avatar-size, 32px);
    border-radius: 50%;
    object-fit: cover;
    background: var(--_avatar-bg);
    color: #fff;
    font-size: calc(var(--chat-avatar-size, 32px) * 0.4);
    font-weight: 600;
    line-height: 1;
  }
  .avatar::before {
    content: attr(data-initials);
  }
`;

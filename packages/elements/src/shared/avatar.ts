import { css, html, type TemplateResult } from 'lit';

/** Who an avatar shows: a user, or anything with the same three fields. */
export interface AvatarUser {
  readonly id: string;
  readonly displayName: string;
  readonly avatarUrl?: string | undefined;
}

/** Up to two letters for a name: the first letters of its first two words ("Ann Lee" → "AL", "ann" → "A"). */
export function initials(name: string): string {
  const words = name.split(/[\s._-]+/).filter(Boolean);
  return (
    words
      .slice(0, 2)
      .map((word) => [...word][0])
      .join('')
      .toLocaleUpperCase() || '?'
  );
}

/** A hue (0–359) derived from a user id: the same user always gets the same colour. */
export function avatarHue(id: string): number {
  let hash = 0;
  for (const char of id) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return Math.abs(hash) % 360;
}

/**
 * A user's avatar: their picture when they have one, else their initials on a colour derived from their
 * id (drawn by CSS, so they stay out of the text beside it). Decorative: the name is always shown or
 * announced beside it. `part="avatar"`; style it with `avatarStyles`.
 */
export function avatar(user: AvatarUser): TemplateResult {
  return user.avatarUrl
    ? html`<img part="avatar" class="avatar" src=${user.avatarUrl} alt="" />`
    : html`<span
        part="avatar"
        class="avatar"
        aria-hidden="true"
        data-initials=${initials(user.displayName)}
        style="--_hue: ${avatarHue(user.id)}"
      ></span>`;
}

/** The avatar's look: a circle of `--chat-avatar-size` (32px); initials in white on a dark tone of the user's hue. */
export const avatarStyles = css`
  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: var(--chat-avatar-size, 32px);
    block-size: var(--chat-avatar-size, 32px);
    border-radius: 50%;
    object-fit: cover;
    background: oklch(46% 0.12 var(--_hue, 250));
    color: #fff;
    font-size: calc(var(--chat-avatar-size, 32px) * 0.4);
    font-weight: 600;
    line-height: 1;
  }
  .avatar::before {
    content: attr(data-initials);
  }
`;

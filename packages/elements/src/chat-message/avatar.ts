import type { User } from '@confab/core';
import { html } from 'lit';
import { safeUrl } from '../shared/markdown.js';

/** Backgrounds for initials; each holds white text at a contrast of at least 4.5:1. */
const PALETTE = ['#b42318', '#9a3412', '#8a5a00', '#2e7d32', '#00695c', '#1565c0', '#5e35b1', '#ad1457', '#37474f'];

/** A colour for a user, the same on every page and every visit: a hash of the id picks it from the palette. */
export function avatarColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (Math.imul(hash, 31) + char.codePointAt(0)!) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length]!;
}

/** Up to two letters for a name: the first of its first two words ("Ann Lee" → "AL"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/**
 * The author's picture when the user has one (`avatarUrl`, http or https only), otherwise initials on
 * their colour. Decorative: the name is shown next to it, so it is hidden from assistive technology.
 */
export function renderAvatar(author: User & { avatarUrl?: string }, broken: boolean, onError: () => void) {
  const src = author.avatarUrl && !broken ? safeUrl(author.avatarUrl) : undefined;
  const face = src
    ? html`<img src=${src} alt="" loading="lazy" @error=${onError} />`
    : initials(author.displayName || author.username);
  return html`<span part="avatar" class="avatar" aria-hidden="true" style="--_avatar-bg: ${avatarColor(author.id)}">${face}</span>`;
}

import { css } from 'lit';

export const chatMessageStyles = css`
  :host {
    display: block;
  }
  article {
    position: relative;
    display: flex;
    gap: calc(var(--_space) * 1.25);
    padding: calc(var(--_space) * 0.75 * var(--_density)) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    line-height: 1.45;
  }
  :host([continued]) article {
    padding-block: calc(var(--_space) * 0.25 * var(--_density));
  }
  article:focus-visible {
    outline-offset: -2px;
  }
  article:hover,
  article:focus-within {
    background: var(--_surface);
  }
  :host([mine]) article {
    background: var(--_mine);
  }
  :host([mentioned]) article {
    background: var(--chat-mention-highlight, light-dark(#fff6d1, #3a3216));
    border-inline-start: 3px solid light-dark(#c98f00, #d9b445);
  }
  :host([highlighted]) article {
    background: var(--_highlight);
    transition: background 1s;
  }
  .gutter {
    flex: none;
    width: var(--chat-avatar-size, 32px);
  }
  .main {
    flex: 1;
    min-width: 0;
  }
  .touch .main {
    padding-inline-end: 28px;
  }
  .hover-time {
    display: block;
    text-align: end;
    font-size: 0.7em;
    line-height: 2.1;
    white-space: nowrap;
    visibility: hidden;
  }
  article:hover .hover-time,
  article:focus-within .hover-time {
    visibility: visible;
  }
  header {
    display: flex;
    gap: var(--_space);
    align-items: baseline;
    flex-wrap: wrap;
  }
  .author {
    font-weight: 600;
  }
  time,
  .meta {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .deleted {
    color: var(--_muted);
    font-style: italic;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.9em;
    background: var(--_surface);
    border-radius: 4px;
    padding: 0 0.25em;
  }
  pre {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
    overflow-x: auto;
    margin: 0.25em 0;
  }
  a {
    color: var(--_accent);
  }
  .mention {
    color: var(--_accent);
    font-weight: 600;
    padding: 0 2px;
    border-radius: 4px;
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  [part~='mention-me'] {
    color: var(--_on-accent);
    background: var(--_accent);
  }
  .media {
    display: block;
    box-sizing: border-box;
    padding: 0;
    margin-top: 0.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }
  .media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  video.media {
    background: #000;
  }
  .file,
  .preview {
    display: flex;
    align-items: center;
    gap: var(--_space);
    max-width: min(100%, 420px);
    box-sizing: border-box;
    margin-top: 0.25em;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    white-space: normal;
  }
  .file {
    width: fit-content;
    color: inherit;
    text-decoration: none;
  }
  .file:hover .name {
    text-decoration: underline;
  }
  .icon {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: 2.5em;
    block-size: 2.5em;
    border-radius: 4px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.7em;
    font-weight: 700;
  }
  .file .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .size,
  .site {
    color: var(--_muted);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .preview {
    align-items: flex-start;
    border-inline-start: 3px solid var(--_accent);
  }
  .preview img {
    flex: none;
    width: 64px;
    height: 64px;
    object-fit: cover;
    border-radius: 4px;
    background: var(--_surface);
  }
  .card {
    flex: 1;
    min-width: 0;
  }
  .title {
    font-weight: 600;
  }
  .desc {
    margin: 2px 0 0;
    font-size: 0.9em;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }
  .unpreview {
    flex: none;
    min-width: 28px;
    min-height: 28px;
    color: var(--_muted);
  }
  .lightbox[open] {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    width: 100vw;
    height: 100dvh;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: var(--_space);
    gap: var(--_space);
    border: 0;
    background: rgb(0 0 0 / 0.92);
    color: #fff;
  }
  .lightbox::backdrop {
    background: transparent;
  }
  .lightbox-bar {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
  }
  .caption {
    flex: 1;
  }
  .lightbox a {
    color: #fff;
  }
  .lightbox button {
    color: #000;
    background: #fff;
    padding: 4px 14px;
  }
  .lightbox img {
    flex: 1;
    min-height: 0;
    width: 100%;
    object-fit: contain;
  }
  .reactions,
  .status {
    display: flex;
    gap: 4px;
    flex-wrap: wrap;
    align-items: center;
    margin-top: 4px;
  }
  button {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: 999px;
    padding: 1px 8px;
    cursor: pointer;
  }
  .reactions button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_mine);
  }
  .replies {
    margin-top: 4px;
    color: var(--_accent);
  }
  .failed {
    color: var(--_danger);
  }
  /* Invisible controls take no input: the toolbar is hidden (not transparent) until hover or focus. */
  .actions {
    position: absolute;
    top: -10px;
    inset-inline-end: var(--_space);
    display: flex;
    gap: 2px;
    visibility: hidden;
  }
  article:focus-within .actions {
    visibility: visible;
  }
  @media (hover: hover) {
    article:hover .actions {
      visibility: visible;
    }
  }
  .more {
    position: absolute;
    top: 2px;
    inset-inline-end: 4px;
    min-width: 32px;
    min-height: 32px;
    border-color: transparent;
    background: transparent;
    color: var(--_muted);
    font-size: 1.2em;
    line-height: 1;
  }
  .menu,
  .confirm {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin-top: 6px;
    padding: 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
    max-width: 320px;
  }
  .menu button {
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    text-align: start;
    padding: 10px 12px;
    background: transparent;
  }
  .menu button:focus,
  .menu button:hover {
    background: var(--_surface);
  }
  .confirm {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
  }
  .confirm p {
    flex-basis: 100%;
    margin: 0;
  }
  .confirm button {
    padding: 6px 14px;
  }
  .danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
  .picker {
    display: flex;
    gap: 2px;
    margin-top: 4px;
  }
  .pinned {
    display: block;
  }
  .pin-icon {
    width: 0.9em;
    height: 0.9em;
    vertical-align: -0.1em;
    fill: currentColor;
  }
  .main.blocked {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_muted);
    font-style: italic;
  }
  .show {
    font-style: normal;
  }
  .edit textarea {
    width: 100%;
    box-sizing: border-box;
    min-height: 3em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: var(--_space);
  }
`;

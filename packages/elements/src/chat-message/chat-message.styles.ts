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
  }
  .body img,
  .body video {
    display: block;
    max-width: min(100%, 420px);
    height: auto;
    border-radius: var(--_radius);
    margin-top: 0.25em;
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

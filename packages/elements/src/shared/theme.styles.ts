import { css } from 'lit';

/**
 * The design tokens every element reads. Each `--chat-*` custom property can be set on an element or
 * any ancestor; the defaults follow the inherited `color-scheme`, which `theme="light" | "dark" | "auto"`
 * sets (`<chat-room>` follows the system unless told otherwise).
 */
export const themeStyles = css`
  :host {
    --_bg: var(--chat-background, light-dark(#ffffff, #15171b));
    --_surface: var(--chat-surface, light-dark(#f4f5f7, #22252b));
    --_text: var(--chat-text, light-dark(#1d2129, #e8eaed));
    --_muted: var(--chat-muted, light-dark(#545b66, #a9afba));
    --_border: var(--chat-border, light-dark(#d0d4da, #3a3f47));
    --_accent: var(--chat-accent, light-dark(#2150c4, #8fb0ff));
    --_on-accent: var(--chat-on-accent, light-dark(#ffffff, #10131a));
    --_mine: var(--chat-mine, light-dark(#e8efff, #1f2b47));
    --_danger: var(--chat-danger, light-dark(#b42318, #ff8a80));
    --_highlight: var(--chat-highlight, light-dark(#fff4c2, #4a4320));
    --_radius: var(--chat-radius, 8px);
    --_space: var(--chat-spacing, 8px);
    --_font: var(--chat-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--chat-font-size, 15px);
    --_density: var(--chat-density, 1);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none !important;
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

import { css } from 'lit';

export const chatMessageListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    position: relative;
    min-height: 0;
    --_divider: var(--chat-divider, var(--_danger));
  }
  .scroller {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overflow-anchor: none;
    padding: var(--_space) 0;
  }
  .scroller:focus-visible {
    outline-offset: -2px;
  }
  .scroller > * {
    flex: none;
  }
  .scroller > :first-child {
    margin-top: auto;
  }
  /* While opening needs more pages (the newest, or back to the first unread), rows wait unseen. */
  .scroller[aria-busy='true'] > .row {
    visibility: hidden;
  }
  .edge,
  .empty {
    color: var(--_muted);
    text-align: center;
    font-size: 0.9em;
    padding: var(--_space);
  }
  .loading {
    position: absolute;
    inset-inline: 0;
    z-index: 1;
    background: var(--_bg);
  }
  .top {
    top: 0;
  }
  .bottom {
    bottom: 0;
  }
  .day,
  .divider {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin: var(--_space) calc(var(--_space) * 1.5) 2px;
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_muted);
  }
  .day::before,
  .day::after,
  .divider::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_border);
  }
  .divider {
    color: var(--_divider);
    margin-top: 2px;
  }
  .divider::after {
    border-color: var(--_divider);
  }
  .divider span {
    order: 1;
  }
  .pill {
    position: absolute;
    bottom: var(--_space);
    left: 50%;
    transform: translateX(-50%);
    z-index: 2;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    padding: 4px 14px;
    cursor: pointer;
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
    white-space: nowrap;
  }
`;

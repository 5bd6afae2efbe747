import { css } from 'lit';

export const chatMessageListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    position: relative;
    min-height: 0;
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
  .scroller > * {
    flex: none;
  }
  .scroller > :first-child {
    margin-top: auto;
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
    top: 0;
    inset-inline: 0;
    z-index: 1;
    background: var(--_bg);
  }
  .pill {
    position: absolute;
    bottom: var(--_space);
    left: 50%;
    transform: translateX(-50%);
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    padding: 4px 14px;
    cursor: pointer;
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
  }
`;

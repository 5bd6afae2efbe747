import { css } from 'lit';

/** A role badge ("Owner", "Moderator"): a small outlined pill in the accent colour. */
export const badgeStyles = css`
  .badge {
    align-self: center;
    padding: 0 6px;
    border: 1px solid var(--_accent);
    border-radius: 999px;
    color: var(--_accent);
    font-size: 0.75em;
    font-weight: 600;
    line-height: 1.5;
  }
`;

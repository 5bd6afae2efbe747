import { css } from 'lit';

/**
 * What the pins and search lists share: a bare list, and a muted line of metadata with the author's name
 * standing out.
 */
export const listStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    font-size: 0.85em;
    color: var(--_muted);
  }
  .author {
    font-weight: 600;
    color: var(--_text);
  }
`;

import { css } from 'lit';

/**
 * A definition list of label and value pairs (`<dl class="facts">` of `<div><dt><dd>`; an
 * offer's `<dl class="terms">` alike): the wallet's terms, an offer's terms. Reads only the
 * private `--_cc-*` tokens.
 */
export const factsStyles = css`
  .facts,
  .terms {
    display: grid;
    gap: calc(var(--_cc-space) / 2) calc(var(--_cc-space) * 2);
    margin: 0;
  }

  .facts > div,
  .terms > div {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: calc(var(--_cc-space) * 2);
  }

  .facts dt,
  .terms dt {
    color: var(--_cc-color-muted);
  }

  .facts dd,
  .terms dd {
    margin: 0;
    font-weight: 600;
  }
`;

import { css } from 'lit';

/** The offer's terms as a list of label and value pairs; shared by every element showing an offer. */
export const termsOfferStyles = css`
  .terms {
    display: grid;
    gap: calc(var(--_cc-space) / 2) calc(var(--_cc-space) * 2);
    margin: 0;
  }

  .terms > div {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: calc(var(--_cc-space) * 2);
  }

  .terms dt {
    color: var(--_cc-color-muted);
  }

  .terms dd {
    margin: 0;
    font-weight: 600;
  }

  .outcome {
    padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    border: 1px solid var(--_cc-color-success);
    border-inline-start-width: 4px;
    border-radius: var(--_cc-radius);
  }
`;

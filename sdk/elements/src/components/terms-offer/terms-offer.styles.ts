import { css } from 'lit';
import { factsStyles } from '../../styles/facts.styles.js';

/** The offer's terms as a list of label and value pairs; shared by every element showing an offer. */
export const termsOfferStyles = css`
  ${factsStyles}

  .outcome {
    padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    border: 1px solid var(--_cc-color-success);
    border-inline-start-width: 4px;
    border-radius: var(--_cc-radius);
  }
`;

import { css } from 'lit';

export const disputeFormStyles = css`
  .count.over {
    color: var(--_cc-color-danger);
    font-weight: 600;
  }
`;

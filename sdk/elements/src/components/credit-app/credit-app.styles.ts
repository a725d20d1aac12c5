import { css } from 'lit';

export const creditAppStyles = css`
  .app {
    display: grid;
    gap: calc(var(--_cc-space) * 2);
  }

  .intro,
  .progress {
    color: var(--_cc-color-muted);
  }

  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space);
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: step;
  }

  .steps li {
    counter-increment: step;
    padding: calc(var(--_cc-space) / 2) var(--_cc-space);
    color: var(--_cc-color-muted);
    border-bottom: 3px solid transparent;
  }

  .steps li::before {
    content: counter(step) '. ';
  }

  .steps li.done {
    color: var(--_cc-color-text);
  }

  .steps li[aria-current='step'] {
    color: var(--_cc-color-text);
    font-weight: 600;
    border-bottom-color: var(--_cc-color-primary);
  }

  .decision {
    display: grid;
    gap: var(--_cc-space);
    padding: calc(var(--_cc-space) * 2);
    border: 1px solid var(--_cc-color-border);
    border-inline-start: 4px solid var(--_cc-color-muted);
    border-radius: var(--_cc-radius);
  }

  .decision.approved {
    border-inline-start-color: var(--_cc-color-success);
  }

  .decision.declined {
    border-inline-start-color: var(--_cc-color-danger);
  }

  .reasons {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  details summary {
    cursor: pointer;
    color: var(--_cc-color-primary);
  }

  details[open] summary {
    margin-bottom: calc(var(--_cc-space) / 2);
  }
`;

import { css } from 'lit';

/** The console's shell: the top bar, the navigation, the page area, the settings tabs; narrow screens fold the navigation. */
export const merchantConsoleStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    min-height: 100dvh;
    color: var(--_cc-color-text);
    background: transparent;
  }

  .skip {
    position: absolute;
    inset-inline-start: var(--_cc-space);
    top: -10rem;
    z-index: 2;
  }

  .skip:focus {
    top: var(--_cc-space);
  }

  header.top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cc-space) calc(var(--_cc-space) * 2);
    padding: var(--_cc-space) calc(var(--_cc-space) * 2);
    background: var(--_cc-color-surface);
    border-bottom: 1px solid var(--_cc-color-border);
  }

  .brand {
    font-weight: 700;
  }

  .merchant {
    color: var(--_cc-color-muted);
  }

  .who {
    margin-inline-start: auto;
    color: var(--_cc-color-muted);
  }

  .layout {
    display: grid;
    grid-template-columns: 14rem minmax(0, 1fr);
    max-width: var(--cc-console-max-width, 80rem);
    margin: 0 auto;
  }

  nav ul {
    display: grid;
    gap: calc(var(--_cc-space) / 2);
    margin: 0;
    padding: calc(var(--_cc-space) * 2);
    list-style: none;
  }

  nav a {
    display: block;
    padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    color: var(--_cc-color-text);
    text-decoration: none;
    border-radius: var(--_cc-radius);
  }

  nav a:hover {
    text-decoration: underline;
  }

  nav a[aria-current='page'] {
    color: var(--_cc-color-on-primary);
    background: var(--_cc-color-primary);
    font-weight: 600;
  }

  main {
    min-width: 0;
    padding: calc(var(--_cc-space) * 3) calc(var(--_cc-space) * 2);
  }

  main:focus {
    outline: none;
  }

  .menu-toggle {
    display: none;
  }

  .signed-out {
    max-width: 28rem;
    margin: 0 auto;
  }

  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space);
    margin: 0 0 calc(var(--_cc-space) * 2);
    padding: 0;
    list-style: none;
  }

  .tabs a {
    display: block;
    padding: calc(var(--_cc-space) / 2) calc(var(--_cc-space) * 1.5);
    color: var(--_cc-color-text);
    border: 1px solid var(--_cc-color-border);
    border-radius: 999px;
    text-decoration: none;
  }

  .tabs a[aria-current='page'] {
    color: var(--_cc-color-on-primary);
    background: var(--_cc-color-primary);
    border-color: var(--_cc-color-primary);
  }

  @media (max-width: 48rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }

    .menu-toggle {
      display: inline-block;
    }

    nav[data-open='false'] {
      display: none;
    }

    nav ul {
      padding: var(--_cc-space) calc(var(--_cc-space) * 2) 0;
    }

    .brand {
      margin-inline-end: auto;
    }

    .merchant {
      display: none;
    }

    .who {
      margin-inline-start: 0;
      flex-basis: 100%;
      order: 3;
      font-size: 0.875em;
    }

    main {
      padding: calc(var(--_cc-space) * 2) var(--_cc-space);
    }
  }
`;

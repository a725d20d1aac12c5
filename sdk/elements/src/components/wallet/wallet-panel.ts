// What the wallet's sections share: the one panel open in place, and the parts inner forms export.

/** The one panel open in the wallet, and the id of the button that opened it (focus returns there). */
export type Panel =
  | { kind: 'pay'; invoiceId: string; opener: string }
  | { kind: 'dispute'; invoiceId: string; opener: string }
  | { kind: 'request'; requestId: string; opener: string }
  | { kind: 'method'; opener: string }
  | { kind: 'remove'; methodId: string; opener: string };

/** The parts an inner form (payment, dispute, payment method) exports through the wallet. */
export const exportedParts = 'form, field, label, input, button, button-primary, error, amount, status';

/** What a section asks the wallet to do with panels. */
export interface PanelActions {
  open: (panel: Panel) => void;
  close: () => void;
  panelKeydown: (event: KeyboardEvent) => void;
}

/** Moves focus into a panel just opened: its first field, once an inner element has rendered it. */
export async function focusIntoPanel(root: ParentNode, panel: Panel): Promise<void> {
  const inner = async (selector: string, target: string) => {
    const element = root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(selector);
    if (!element) return;
    await element.updateComplete;
    // The part may still be loading its session or data: wait for its first field.
    for (let i = 0; i < 40 && !element.shadowRoot?.querySelector(target); i++)
      await new Promise((r) => setTimeout(r, 25));
    element.shadowRoot?.querySelector<HTMLElement>(target)?.focus();
  };
  if (panel.kind === 'dispute') await inner('cc-dispute-form', '#dispute-explanation');
  else if (panel.kind === 'request')
    await inner('cc-payment-request', 'input[name="request-method"]:checked, #request-amount, #request-title');
  else if (panel.kind === 'method') await inner('cc-payment-method-form', 'input[name="method-type"]:checked');
  else if (panel.kind === 'pay')
    (
      root.querySelector<HTMLElement>('input[name="pay-method"]:checked') ??
      root.querySelector<HTMLElement>('#pay-title')
    )?.focus();
  else root.querySelector<HTMLElement>(`#confirm-remove-${panel.methodId}`)?.focus();
}

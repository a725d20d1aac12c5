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

/**
 * What a payment request reads of an invoice. Invoices call this service (issuing, voiding, crediting),
 * so the shape is stated here rather than imported from `invoices/`: the dependency runs one way.
 */
export interface InvoiceToRequest {
  merchantId: string;
  id: string;
  contactId: string;
  number: string;
  currency: string;
  balance: number;
  dueDate: string;
}

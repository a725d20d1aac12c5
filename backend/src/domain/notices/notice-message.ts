export const NOTICE_TOPIC = 'notice';

export type NoticeTemplate =
  | 'wallet_link'
  | 'invoice_issued'
  | 'payment_request'
  | 'payment_receipt'
  | 'automatic_payment_failed'
  | 'payment_method_needed'
  | 'terms_offered'
  | 'credit_decision'
  | 'dispute_received'
  | 'dispute_resolved'
  | 'dispute_opened_merchant';

/** What an outbox row of topic `notice` holds; the mail is rendered (and its wallet link made) when it is sent. */
export interface NoticeMessage {
  template: NoticeTemplate;
  recipient: 'contact' | 'merchant';
  contactId: string;
  data: Record<string, unknown>;
}

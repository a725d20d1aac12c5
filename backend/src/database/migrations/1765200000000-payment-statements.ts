import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The payment hot path's locking reads, one round trip each (docs/performance.md, payments).
 * Each is a plpgsql function because its reads must come AFTER its row locks: in READ COMMITTED
 * a plain statement reads everything from the snapshot taken when it started, so a payment that
 * committed while this one waited for the lock would be missed; inside a function every
 * statement takes a fresh snapshot. They only lock, read and (settle) move the attempt; every
 * rule is checked by the caller in TypeScript. Rows come back as JSON (`to_json` of the row).
 *
 * - `cc_payment_lock`: both use it; locks the invoice, then the request (either may be null), the
 *   order every writer of both takes them in, and returns them.
 * - `cc_payment_start`: the first transaction of a customer payment. Locks the invoice (a
 *   request's own, found by a plain read of the request) then the request, in that order, as
 *   every writer of both does; then reads the attempt already made under the processor key (a
 *   retry), what `processing` attempts hold back of the invoice and of the request, and the
 *   payment method.
 * - `cc_payment_settle`: the second. Locks the invoice then the request, then moves the attempt
 *   from `processing` to its outcome (`moved` false, and the row as it is, when it had already moved).
 */
export class PaymentStatements1765200000000 implements MigrationInterface {
  name = 'PaymentStatements1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cc_payment_lock(p_merchant text, p_invoice text, p_request text, OUT invoice json, OUT request json)
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        IF p_invoice IS NOT NULL THEN
          SELECT to_json(i) INTO invoice FROM invoices i WHERE merchant_id = p_merchant AND id = p_invoice FOR UPDATE;
        END IF;
        IF p_request IS NOT NULL THEN
          SELECT to_json(r) INTO request FROM payment_requests r WHERE merchant_id = p_merchant AND id = p_request FOR UPDATE;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION cc_payment_start(p_merchant text, p_request text, p_invoice text, p_method text, p_key text)
      RETURNS json LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_invoice text := p_invoice;
        v_inv json;
        v_req json;
        v_existing json;
        v_method json;
        v_held_invoice bigint;
        v_held_request bigint;
      BEGIN
        IF p_request IS NOT NULL THEN
          SELECT invoice_id INTO v_invoice FROM payment_requests WHERE merchant_id = p_merchant AND id = p_request;
          IF NOT FOUND THEN
            RETURN json_build_object('request', NULL);
          END IF;
        END IF;
        SELECT l.invoice, l.request INTO v_inv, v_req FROM cc_payment_lock(p_merchant, v_invoice, p_request) l;
        IF p_key IS NOT NULL THEN
          SELECT to_json(p) INTO v_existing FROM payments p WHERE merchant_id = p_merchant AND processor_key = p_key;
        END IF;
        SELECT coalesce(sum(amount) FILTER (WHERE invoice_id = v_invoice), 0),
               coalesce(sum(amount) FILTER (WHERE payment_request_id = p_request), 0)
          INTO v_held_invoice, v_held_request
          FROM payments
         WHERE status = 'processing' AND merchant_id = p_merchant
           AND (invoice_id = v_invoice OR payment_request_id = p_request);
        SELECT to_json(m) INTO v_method FROM payment_methods m WHERE merchant_id = p_merchant AND id = p_method;
        RETURN json_build_object('invoice', v_inv, 'request', v_req, 'existing', v_existing, 'method', v_method,
                                 'heldInvoice', v_held_invoice, 'heldRequest', v_held_request);
      END $$`);
    await q.query(`
      CREATE FUNCTION cc_payment_settle(p_merchant text, p_payment text, p_invoice text, p_request text,
                                        p_status text, p_failure_code text, p_reference text)
      RETURNS json LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_inv json;
        v_req json;
        v_pay json;
      BEGIN
        SELECT l.invoice, l.request INTO v_inv, v_req FROM cc_payment_lock(p_merchant, p_invoice, p_request) l;
        UPDATE payments p SET status = p_status, failure_code = p_failure_code, processor_reference = p_reference
         WHERE merchant_id = p_merchant AND id = p_payment AND status = 'processing'
        RETURNING to_json(p) INTO v_pay;
        IF v_pay IS NOT NULL THEN
          RETURN json_build_object('invoice', v_inv, 'request', v_req, 'payment', v_pay, 'moved', true);
        END IF;
        SELECT to_json(p) INTO v_pay FROM payments p WHERE merchant_id = p_merchant AND id = p_payment;
        RETURN json_build_object('invoice', v_inv, 'request', v_req, 'payment', v_pay, 'moved', false);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION cc_payment_settle(text, text, text, text, text, text, text)');
    await q.query('DROP FUNCTION cc_payment_start(text, text, text, text, text)');
    await q.query('DROP FUNCTION cc_payment_lock(text, text, text)');
  }
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SYSTEM_ACTOR } from '../src/platform/http/auth/auth-context.js';
import { Db } from '../src/platform/database/db.js';
import { AuditService } from '../src/domain/audit/audit.service.js';
import { startApp, type TestApp } from './support/app.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

/** The append-only rows a transaction defers to just before COMMIT (Db.insertLater / writeLater). */
describe('deferred writes', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());

  const audited = async (subjectId: string) =>
    (
      await t.db.dataSource.query(
        'SELECT action FROM audit_log WHERE merchant_id = $1 AND subject_id = $2 ORDER BY id',
        [m.merchantId, subjectId],
      )
    ).map((r: { action: string }) => r.action);

  it('commit with the transaction, not before; a rolled-back savepoint drops its own; flushNow writes them early', async () => {
    const db = t.app.get(Db);
    const audit = t.app.get(AuditService);
    const subjectId = `test_${unique()}`;
    const record = (action: string) =>
      audit.record({ merchantId: m.merchantId, actor: SYSTEM_ACTOR, action, subjectId });
    let seenInside: string[] = [];
    let seenAfterFlush: string[] = [];
    await db.transaction(async (em) => {
      await record('before');
      await db
        .savepoint('test_savepoint', async () => {
          await record('inside the rolled-back savepoint');
          throw new Error('refused');
        })
        .catch(() => undefined);
      await db.savepoint('kept_savepoint', () => record('inside a kept savepoint'));
      seenInside = (await em.query('SELECT action FROM audit_log WHERE subject_id = $1', [subjectId])).map(
        (r: { action: string }) => r.action,
      );
      await db.flushNow();
      seenAfterFlush = (
        await em.query('SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id', [subjectId])
      ).map((r: { action: string }) => r.action);
      await record('after');
    });
    expect(seenInside).toEqual([]); // deferred: not written yet
    expect(seenAfterFlush).toEqual(['before', 'inside a kept savepoint']);
    expect(await audited(subjectId)).toEqual(['before', 'inside a kept savepoint', 'after']);
  });

  it('roll back with the transaction', async () => {
    const db = t.app.get(Db);
    const subjectId = `test_${unique()}`;
    await expect(
      db.transaction(async () => {
        await t.app
          .get(AuditService)
          .record({ merchantId: m.merchantId, actor: SYSTEM_ACTOR, action: 'never', subjectId });
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await audited(subjectId)).toEqual([]);
  });
});

import type { JsonObject } from '../../platform/database/columns.js';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { newId } from '../../platform/ids/ids.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditChange {
  merchantId: string;
  actor: Actor;
  action: string;
  subjectId: string;
  before?: JsonObject | null;
  after?: JsonObject | null;
}

/** Appends audit rows inside the caller's transaction. */
@Injectable()
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async record(change: AuditChange): Promise<void> {
    await this.db.insertLater(AuditEntry, {
      merchantId: change.merchantId,
      id: newId('aud'),
      actorType: change.actor.type,
      actorId: change.actor.id,
      credentialId: change.actor.credentialId,
      action: change.action,
      subjectId: change.subjectId,
      before: change.before ?? null,
      after: change.after ?? null,
      createdAt: this.clock.now(),
    });
  }
}

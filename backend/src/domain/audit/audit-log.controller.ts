import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiList } from '../../platform/http/api-responses.js';
import { IsOptional, IsString } from 'class-validator';
import type { MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { Auth } from '../../platform/http/auth/decorators.js';
import { Db } from '../../platform/database/db.js';
import { mapPage, paginate, ListQuery } from '../../platform/pagination/pagination.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditEntryDto } from './dto/audit-entry.dto.js';

class AuditLogQuery extends ListQuery {
  @ApiPropertyOptional({ description: 'The changed object: inv_…, ct_…' }) @IsOptional() @IsString() subjectId?: string;
  @ApiPropertyOptional({ description: 'An actor id (usr_…, key_…, ct_…) or type (user, api_key, customer, system).' })
  @IsOptional()
  @IsString()
  actor?: string;
}

const ACTOR_TYPES = ['user', 'api_key', 'customer', 'platform', 'system', 'anonymous'];

@ApiTags('audit')
@Controller('v1/audit-log')
export class AuditLogController {
  constructor(private readonly db: Db) {}

  @ApiList(AuditEntryDto)
  @Get()
  @ApiOperation({ summary: 'Every state change: who, with which credential, when, before → after. Newest first.' })
  async list(@Auth() auth: MerchantAuth, @Query() q: AuditLogQuery) {
    const qb = this.db.repo(AuditEntry).createQueryBuilder('a').where('a.merchantId = :m', { m: auth.merchantId });
    if (q.subjectId) qb.andWhere('a.subjectId = :s', { s: q.subjectId });
    if (q.actor)
      qb.andWhere(ACTOR_TYPES.includes(q.actor) ? 'a.actorType = :actor' : 'a.actorId = :actor', { actor: q.actor });
    return mapPage(await paginate(qb, q), (a) => ({
      id: a.id,
      action: a.action,
      subjectId: a.subjectId,
      actor: { type: a.actorType, id: a.actorId, credentialId: a.credentialId },
      before: a.before,
      after: a.after,
      createdAt: a.createdAt.toISOString(),
    }));
  }
}

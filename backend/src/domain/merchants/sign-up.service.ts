import { Injectable } from '@nestjs/common';
import { Db } from '../../platform/database/db.js';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { AuditService } from '../audit/audit.service.js';
import { UsersService } from '../users/users.service.js';
import { toMerchantDto, type SignUpDto, type SignUpResponseDto } from './dto/merchant.dto.js';
import { MerchantsService } from './merchants.service.js';

/** Sign-up: the merchant, its first admin and one key of each kind, in one transaction. */
@Injectable()
export class SignUpService {
  constructor(
    private readonly db: Db,
    private readonly merchants: MerchantsService,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  signUp(dto: SignUpDto): Promise<SignUpResponseDto> {
    return this.db.transaction(async () => {
      const merchant = await this.merchants.create(dto.name, dto.adminEmail);
      const user = await this.users.create(
        merchant.id,
        { email: dto.adminEmail, name: dto.name, role: 'admin', password: dto.adminPassword },
        { type: 'anonymous', id: null, credentialId: null },
      );
      const actor = { type: 'user' as const, id: user.id, credentialId: null };
      await this.audit.record({
        merchantId: merchant.id,
        actor,
        action: 'merchant.created',
        subjectId: merchant.id,
        after: { name: merchant.name },
      });
      const publishable = await this.apiKeys.create(merchant.id, 'publishable', 'member', actor);
      const secret = await this.apiKeys.create(merchant.id, 'secret', 'admin', actor);
      return {
        merchant: toMerchantDto(merchant),
        user,
        apiKeys: [publishable, secret],
        publishableKey: publishable.publishableKey!,
        secretKey: secret.secret!,
      };
    });
  }
}

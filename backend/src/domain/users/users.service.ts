import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { uniquely } from '../../platform/errors/database-errors.js';
import { Db } from '../../platform/database/db.js';
import { ApiError, notFound } from '../../platform/errors/errors.js';
import { ACCOUNT_ERRORS } from '../../errors/accounts.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage, paginate, type ListQuery } from '../../platform/pagination/pagination.js';
import { hashPassword } from '../../platform/crypto/secrets.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionsService } from './sessions.service.js';
import { toUserDto, type CreateUserDto, type UserDto } from './dto/user.dto.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  /** Creates a user; emails are unique across merchants (`409 email_taken`). */
  async create(merchantId: string, dto: CreateUserDto, actor: Actor): Promise<UserDto> {
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async () => {
      const user: User = {
        merchantId,
        id: newId('usr'),
        email: dto.email.toLowerCase(),
        name: dto.name,
        role: dto.role,
        passwordHash,
        createdAt: this.clock.now(),
        updatedAt: this.clock.now(),
      };
      await uniquely(
        () => this.db.repo(User).insert(user),
        () => new ApiError(ACCOUNT_ERRORS.email_taken, undefined, 'email'),
      );
      await this.audit.record({
        merchantId,
        actor,
        action: 'user.created',
        subjectId: user.id,
        after: { email: user.email, role: user.role },
      });
      return toUserDto(user);
    });
  }

  async list(merchantId: string, query: ListQuery) {
    const qb = this.db.repo(User).createQueryBuilder('u').where('u.merchantId = :merchantId', { merchantId });
    return mapPage(await paginate(qb, query), toUserDto);
  }

  /** Removes a user and ends their sessions; the last admin cannot be removed (`409 last_admin`). */
  async remove(merchantId: string, id: string, actor: Actor): Promise<UserDto> {
    return this.db.transaction(async () => {
      const repo = this.db.repo(User);
      // Lock every admin row of the merchant so two concurrent removals cannot leave none.
      const admins = await repo.find({
        where: { merchantId, role: 'admin' },
        lock: { mode: 'pessimistic_write' },
        order: { id: 'ASC' },
      });
      const user = admins.find((u) => u.id === id) ?? (await repo.findOne({ where: { merchantId, id } }));
      if (!user) throw notFound('user', id);
      if (user.role === 'admin' && admins.length === 1) {
        throw new ApiError(ACCOUNT_ERRORS.last_admin, undefined);
      }
      await repo.delete({ merchantId, id });
      await this.sessions.revokeForUser(merchantId, id);
      await this.audit.record({
        merchantId,
        actor,
        action: 'user.deleted',
        subjectId: id,
        before: { email: user.email, role: user.role },
      });
      return { ...toUserDto(user), deleted: true };
    });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.db.repo(User).findOne({ where: { email: email.trim().toLowerCase() } });
  }

  findById(merchantId: string, id: string): Promise<User | null> {
    return this.db.repo(User).findOne({ where: { merchantId, id } });
  }

  async firstAdminEmail(merchantId: string): Promise<string | undefined> {
    const admin = await this.db.repo(User).findOne({ where: { merchantId, role: 'admin' }, order: { id: 'ASC' } });
    return admin?.email;
  }

  async setPassword(merchantId: string, id: string, password: string): Promise<void> {
    await this.db.repo(User).update({ merchantId, id }, { passwordHash: await hashPassword(password) });
  }
}

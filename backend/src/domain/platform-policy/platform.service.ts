import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { UnderwritingPolicy } from './underwriting-policy.entity.js';

@Injectable()
export class PlatformService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The policy in force: the highest version. */
  async current(): Promise<UnderwritingPolicy> {
    const [policy] = await this.db.repo(UnderwritingPolicy).find({ order: { version: 'DESC' }, take: 1 });
    return policy!;
  }

  /** A change is a new version (the old ones stay, for the decisions made under them). */
  async update(passingScore: number, modelVersion: string): Promise<UnderwritingPolicy> {
    return this.db.transaction(async (em) => {
      await em.query('LOCK TABLE underwriting_policies IN EXCLUSIVE MODE');
      const latest = await this.current();
      const next: UnderwritingPolicy = {
        version: latest.version + 1,
        passingScore,
        modelVersion,
        createdAt: this.clock.now(),
      };
      await this.db.repo(UnderwritingPolicy).insert(next);
      return next;
    });
  }
}

import { Module, type OnModuleInit } from '@nestjs/common';
import { WorkerService } from '../../platform/worker/worker.service.js';
import { OverviewTotalsService } from './overview-totals.service.js';
import { OverviewController } from './overview.controller.js';

@Module({ controllers: [OverviewController], providers: [OverviewTotalsService] })
export class OverviewModule implements OnModuleInit {
  constructor(
    private readonly worker: WorkerService,
    private readonly totals: OverviewTotalsService,
  ) {}

  onModuleInit(): void {
    this.worker.register({ name: 'overview-totals', run: () => this.totals.fold() });
  }
}

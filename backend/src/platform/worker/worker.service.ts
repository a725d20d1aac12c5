import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';

export interface Job {
  name: string;
  /** Finds and does due work; must be safe with several instances running (SKIP LOCKED claims). */
  run(): Promise<unknown>;
}

/**
 * The background worker: every CC_JOBS_INTERVAL_MS it runs each registered job once.
 * Stateless: the database holds what is due, so any number of instances may run it.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly jobs: Job[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly config: AppConfig) {}

  register(job: Job): void {
    this.jobs.push(job);
  }

  onApplicationBootstrap(): void {
    if (!this.config.CC_WORKER) return;
    this.timer = setInterval(() => void this.runOnce(), this.config.CC_JOBS_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every job; a pass already under way is joined, not doubled. */
  runOnce(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    for (const job of this.jobs) {
      try {
        await job.run();
      } catch (err) {
        this.logger.warn({ msg: 'job failed', job: job.name, err: String((err as Error)?.message ?? err) });
      }
    }
  }
}

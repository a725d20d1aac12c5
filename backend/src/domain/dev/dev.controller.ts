import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ANY_OBJECT, ApiOk } from '../../platform/http/api-responses.js';
import { IsString } from 'class-validator';
import { Allow, NoTransaction } from '../../platform/http/auth/decorators.js';
import { Clock, parseDuration } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { invalidParam } from '../../platform/errors/errors.js';
import { MailerService } from '../../platform/mail/mailer.service.js';
import { WorkerService } from '../../platform/worker/worker.service.js';

class AdvanceClockDto {
  @ApiProperty({ example: 'P3D', description: 'An ISO 8601 duration to move the clock forward by.' })
  @IsString()
  advance!: string;
}

/** Development and test helpers; this module is not loaded when NODE_ENV=production. */
@ApiTags('development (not in production)')
@Controller('dev')
@Allow('public')
export class DevController {
  constructor(
    private readonly clock: Clock,
    private readonly mailer: MailerService,
    private readonly worker: WorkerService,
    private readonly db: Db,
  ) {}

  @ApiOk(ANY_OBJECT)
  @Get('clock')
  @ApiOperation({ summary: 'The server clock every time rule reads.' })
  now() {
    return { now: this.clock.now().toISOString(), today: this.clock.today() };
  }

  @ApiOk(ANY_OBJECT)
  @Post('clock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the clock forward, e.g. { "advance": "P3D" }; it never moves back.' })
  advance(@Body() dto: AdvanceClockDto) {
    const duration = parseDuration(dto.advance);
    if (!duration) throw invalidParam('advance', 'advance must be an ISO 8601 duration such as P3D or PT2H.');
    this.clock.advance(duration);
    return this.now();
  }

  @ApiOk(ANY_OBJECT)
  @Get('mailbox')
  @ApiOperation({ summary: 'The built-in dev mailbox (when SMTP_URL is unset), newest first.' })
  mailbox(@Query('to') to?: string) {
    return { data: this.mailer.messages(to) };
  }

  @ApiOk(ANY_OBJECT)
  @Get('outbox')
  @ApiOperation({ summary: 'Outbox rows by topic and status (what the worker still has to deliver).' })
  async outbox() {
    const rows: { topic: string; status: string; n: number }[] = await this.db.manager.query(
      'SELECT topic, status, count(*)::int AS n FROM outbox_messages GROUP BY topic, status ORDER BY topic, status',
    );
    return { data: rows };
  }

  @ApiOk(ANY_OBJECT)
  @Post('jobs/run')
  @NoTransaction()
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the background worker once now (instead of waiting CC_JOBS_INTERVAL_MS).' })
  async runJobs() {
    await this.worker.runOnce();
    return { ran: true, at: this.clock.now().toISOString() };
  }
}

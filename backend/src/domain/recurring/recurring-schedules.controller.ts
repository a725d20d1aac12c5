import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiOk } from '../../platform/http/api-responses.js';
import { actorOf, type MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { Auth } from '../../platform/http/auth/decorators.js';
import {
  CreateRecurringScheduleDto,
  ListRecurringSchedulesQuery,
  RecurringScheduleDetailDto,
  RecurringScheduleDto,
} from './dto/recurring-schedule.dto.js';
import { RecurringSchedulesService } from './recurring-schedules.service.js';

@ApiTags('recurring-schedules')
@Controller('v1/recurring-schedules')
export class RecurringSchedulesController {
  constructor(private readonly schedules: RecurringSchedulesService) {}

  @ApiOk(RecurringScheduleDto)
  @Post()
  @ApiOperation({
    summary:
      'A schedule of invoices or payment requests: every intervalCount × interval from startDate, until endDate, for a number of occurrences, or until cancelled.',
  })
  create(@Auth() auth: MerchantAuth, @Body() dto: CreateRecurringScheduleDto): Promise<RecurringScheduleDto> {
    return this.schedules.create(auth.merchantId, dto, actorOf(auth));
  }

  @ApiList(RecurringScheduleDto)
  @Get()
  @ApiOperation({ summary: 'Recurring schedules, newest first; filter status, contactId.' })
  list(@Auth() auth: MerchantAuth, @Query() query: ListRecurringSchedulesQuery) {
    return this.schedules.list(auth.merchantId, query);
  }

  @ApiOk(RecurringScheduleDetailDto)
  @Get(':id')
  @ApiOperation({ summary: 'One schedule with the periods it has generated (newest first).' })
  get(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<RecurringScheduleDetailDto> {
    return this.schedules.get(auth.merchantId, id);
  }

  @ApiOk(RecurringScheduleDto)
  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop generating periods until resumed.' })
  pause(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<RecurringScheduleDto> {
    return this.schedules.pause(auth.merchantId, id, actorOf(auth));
  }

  @ApiOk(RecurringScheduleDto)
  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Go on from the first period on or after today (periods that fell while paused are skipped).',
  })
  resume(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<RecurringScheduleDto> {
    return this.schedules.resume(auth.merchantId, id, actorOf(auth));
  }

  @ApiOk(RecurringScheduleDto)
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'End the schedule for good; what it generated stays.' })
  cancel(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<RecurringScheduleDto> {
    return this.schedules.cancel(auth.merchantId, id, actorOf(auth));
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiOk } from '../../platform/http/api-responses.js';
import { actorOf, type MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { AdminOnly, Auth, NoTransaction } from '../../platform/http/auth/decorators.js';
import { ListQuery } from '../../platform/pagination/pagination.js';
import { ListDeliveriesQuery, WebhookDeliveryDto } from './dto/webhook-delivery.dto.js';
import { CreateWebhookEndpointDto, WebhookEndpointDto } from './dto/webhook-endpoint.dto.js';
import { WebhookDeliveryLogService } from './webhook-delivery-log.service.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import { WebhookTestService } from './webhook-test.service.js';

@ApiTags('webhooks')
@Controller('v1/webhook-endpoints')
export class WebhookEndpointsController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveryLogService,
    private readonly tests: WebhookTestService,
  ) {}

  @ApiList(WebhookEndpointDto)
  @Get()
  @ApiOperation({ summary: 'Webhook endpoints, newest first (secrets are never shown again).' })
  list(@Auth() auth: MerchantAuth, @Query() query: ListQuery) {
    return this.endpoints.list(auth.merchantId, query);
  }

  @ApiOk(WebhookEndpointDto)
  @Post()
  @AdminOnly()
  @ApiOperation({
    summary:
      'Add an endpoint: { url, events } (["*"] for every event). The answer holds the signing secret, shown once.',
  })
  create(@Auth() auth: MerchantAuth, @Body() dto: CreateWebhookEndpointDto): Promise<WebhookEndpointDto> {
    return this.endpoints.create(auth.merchantId, dto, actorOf(auth));
  }

  @ApiOk(WebhookEndpointDto)
  @Get(':id')
  @ApiOperation({ summary: 'One endpoint.' })
  get(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.get(auth.merchantId, id);
  }

  @ApiOk(WebhookEndpointDto)
  @Delete(':id')
  @AdminOnly()
  @ApiOperation({ summary: 'Delete an endpoint: nothing more is sent to it; its pending deliveries fail.' })
  delete(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.delete(auth.merchantId, id, actorOf(auth));
  }

  @ApiOk(WebhookEndpointDto)
  @Post(':id/rotate-secret')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new signing secret, shown once; the old one still signs beside it (one v1= each) for 24 hours.',
  })
  rotateSecret(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.rotateSecret(auth.merchantId, id, actorOf(auth));
  }

  @ApiList(WebhookDeliveryDto)
  @Get(':id/deliveries')
  @ApiOperation({
    summary: "The endpoint's delivery log, newest first: event, status, attempts, last answer, every attempt.",
  })
  listDeliveries(@Auth() auth: MerchantAuth, @Param('id') id: string, @Query() query: ListDeliveriesQuery) {
    return this.deliveries.list(auth.merchantId, id, query);
  }

  @ApiOk(WebhookDeliveryDto)
  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a delivery again on the next worker pass (whatever its status).' })
  retry(
    @Auth() auth: MerchantAuth,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.deliveries.retry(auth.merchantId, id, deliveryId, actorOf(auth));
  }

  @ApiOk(WebhookDeliveryDto)
  @Post(':id/test')
  @HttpCode(200)
  @NoTransaction() // the ping is committed, then sent with no transaction open, then logged
  @ApiOperation({
    summary:
      'Send a signed `ping` event ({ endpointId }) to this endpoint now (5 s at most); the answer is the logged delivery with its outcome.',
  })
  test(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<WebhookDeliveryDto> {
    return this.tests.send(auth.merchantId, id, actorOf(auth));
  }
}

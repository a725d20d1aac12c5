import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiOk } from '../../platform/http/api-responses.js';
import { actorOf, type MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { Auth } from '../../platform/http/auth/decorators.js';
import { ImportInvoicesDto, ImportResultDto } from './dto/import.dto.js';
import { CreateInvoiceDto, CreditNoteDto, InvoiceDto, ListInvoicesQuery, UpdateInvoiceDto } from './dto/invoice.dto.js';
import { InvoiceImportService } from './invoice-import.service.js';
import { InvoicesService } from './invoices.service.js';

@ApiTags('invoices')
@Controller('v1/invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly importer: InvoiceImportService,
  ) {}

  @ApiOk(InvoiceDto)
  @Post()
  @ApiOperation({
    summary:
      'Key in an invoice (number unique per merchant). Not-authorized contacts also get a payment request to approve.',
  })
  create(@Auth() auth: MerchantAuth, @Body() dto: CreateInvoiceDto): Promise<InvoiceDto> {
    return this.invoices.create(auth.merchantId, dto, actorOf(auth));
  }

  @ApiOk(ImportResultDto)
  @Post('import')
  @ApiOperation({
    summary:
      'Import up to 5,000 invoices from CSV or JSON: per-row results; dryRun previews; otherwise all rows or none (422 import_invalid).',
  })
  import(@Auth() auth: MerchantAuth, @Body() dto: ImportInvoicesDto) {
    return this.importer.import(auth.merchantId, dto, actorOf(auth));
  }

  @ApiList(InvoiceDto)
  @Get()
  @ApiOperation({ summary: 'Invoices, newest first; filter status, contactId, overdue.' })
  list(@Auth() auth: MerchantAuth, @Query() query: ListInvoicesQuery) {
    return this.invoices.list(auth.merchantId, query);
  }

  @ApiOk(InvoiceDto)
  @Get(':id')
  get(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<InvoiceDto> {
    return this.invoices.get(auth.merchantId, id);
  }

  @ApiOk(InvoiceDto)
  @Patch(':id')
  @ApiOperation({ summary: 'Edit amount, due date or description while nothing is paid.' })
  update(@Auth() auth: MerchantAuth, @Param('id') id: string, @Body() dto: UpdateInvoiceDto): Promise<InvoiceDto> {
    return this.invoices.update(auth.merchantId, id, dto, actorOf(auth));
  }

  @ApiOk(InvoiceDto)
  @Post(':id/void')
  @HttpCode(200)
  @ApiOperation({ summary: 'Void an open invoice with nothing paid (409 invoice_not_voidable otherwise).' })
  void(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<InvoiceDto> {
    return this.invoices.void(auth.merchantId, id, actorOf(auth));
  }

  @ApiOk(InvoiceDto)
  @Post(':id/credits')
  @ApiOperation({ summary: 'A credit note: lowers the balance (reaching 0 pays the invoice).' })
  credit(@Auth() auth: MerchantAuth, @Param('id') id: string, @Body() dto: CreditNoteDto): Promise<InvoiceDto> {
    return this.invoices.credit(auth.merchantId, id, dto, actorOf(auth));
  }
}

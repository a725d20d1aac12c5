import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiOk } from '../../platform/http/api-responses.js';
import { actorOf, type MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { Auth } from '../../platform/http/auth/decorators.js';
import { ContactsService } from './contacts.service.js';
import { ContactDto, CreateContactDto, ListContactsQuery } from './dto/contact.dto.js';

@ApiTags('contacts')
@Controller('v1/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @ApiList(ContactDto)
  @Get()
  @ApiOperation({ summary: 'Contacts, newest first; filter by status, search company and email with q.' })
  list(@Auth() auth: MerchantAuth, @Query() query: ListContactsQuery) {
    return this.contacts.list(auth.merchantId, query);
  }

  @ApiOk(ContactDto)
  @Post()
  @ApiOperation({ summary: 'Create a contact (a prospect until it passes a credit check).' })
  create(@Auth() auth: MerchantAuth, @Body() dto: CreateContactDto): Promise<ContactDto> {
    return this.contacts.create(auth.merchantId, dto, actorOf(auth));
  }

  @ApiOk(ContactDto)
  @Get(':id')
  @ApiOperation({ summary: 'One contact.' })
  get(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<ContactDto> {
    return this.contacts.get(auth.merchantId, id);
  }
}

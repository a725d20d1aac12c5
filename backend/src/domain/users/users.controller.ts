import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiOk } from '../../platform/http/api-responses.js';
import { actorOf, type MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { AdminOnly, Auth } from '../../platform/http/auth/decorators.js';
import { ListQuery } from '../../platform/pagination/pagination.js';
import { CreateUserDto, UserDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('v1/users')
@AdminOnly()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiList(UserDto)
  @Get()
  @ApiOperation({ summary: "The merchant's dashboard users; admin only." })
  list(@Auth() auth: MerchantAuth, @Query() query: ListQuery) {
    return this.users.list(auth.merchantId, query);
  }

  @ApiOk(UserDto)
  @Post()
  @ApiOperation({ summary: 'Add a user (admin or member); emails are unique across merchants.' })
  create(@Auth() auth: MerchantAuth, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(auth.merchantId, dto, actorOf(auth));
  }

  @ApiOk(UserDto)
  @Delete(':id')
  @ApiOperation({ summary: 'Remove a user and end their sessions; the last admin stays (409 last_admin).' })
  remove(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<UserDto> {
    return this.users.remove(auth.merchantId, id, actorOf(auth));
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_OBJECT, ApiOk } from '../../platform/http/api-responses.js';
import type { AuthContext } from '../../platform/http/auth/auth-context.js';
import { Allow, Auth } from '../../platform/http/auth/decorators.js';
import { AuthService } from './auth.service.js';
import { LoginDto, LoginResponseDto, PasswordResetConfirmDto, PasswordResetDto } from './dto/auth.dto.js';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiOk(LoginResponseDto)
  @Post('login')
  @Allow('public')
  @HttpCode(200)
  @ApiOperation({ summary: 'Email + password → a dashboard session (ms_…, 12 hours).' })
  login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(dto.email, dto.password);
  }

  @ApiOk(ANY_OBJECT)
  @Post('logout')
  @HttpCode(200)
  @ApiOperation({ summary: 'End the calling dashboard session.' })
  logout(@Auth() auth: AuthContext) {
    return this.auth.logout(auth);
  }

  @ApiOk(ANY_OBJECT)
  @Post('password-reset')
  @Allow('public')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a reset link; the same answer whether or not the email exists.' })
  requestReset(@Body() dto: PasswordResetDto) {
    return this.auth.requestReset(dto.email);
  }

  @ApiOk(ANY_OBJECT)
  @Post('password-reset/confirm')
  @Allow('public')
  @HttpCode(200)
  @ApiOperation({ summary: "Set a new password with the link's token; ends the user's sessions." })
  confirmReset(@Body() dto: PasswordResetConfirmDto) {
    return this.auth.confirmReset(dto.token, dto.password);
  }
}

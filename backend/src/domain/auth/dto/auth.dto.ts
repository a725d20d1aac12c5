import { Trim } from '../../../platform/validation/dto-transforms.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MIN } from '../../users/dto/user.dto.js';
import { UserDto } from '../../users/dto/user.dto.js';

export class LoginDto {
  @ApiProperty() @Trim() @IsEmail({}, { message: 'email must be an email address' }) email!: string;
  @ApiProperty({ writeOnly: true }) @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

export class LoginResponseDto {
  @ApiPropertyOptional({
    description: 'The dashboard session token (`ms_…`). Shown once: left out of idempotent replays.',
  })
  token?: string;
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty() expiresAt!: string;
}

export class PasswordResetDto {
  @ApiProperty() @Trim() @IsEmail({}, { message: 'email must be an email address' }) email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the emailed link (`pwr_…`).' }) @IsString() @MinLength(1) token!: string;
  @ApiProperty({ minLength: PASSWORD_MIN, writeOnly: true })
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(200)
  password!: string;
}

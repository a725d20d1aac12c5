import { Trim } from '../../../platform/validation/dto-transforms.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import type { User, UserRole } from '../user.entity.js';

export const PASSWORD_MIN = 10;

export class CreateUserDto {
  @ApiProperty({ example: 'ap@northwind.example' })
  @Trim()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Dana Reyes' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ['admin', 'member'] })
  @IsIn(['admin', 'member'], { message: "role must be 'admin' or 'member'" })
  role!: UserRole;

  @ApiProperty({ minLength: PASSWORD_MIN, writeOnly: true })
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(200)
  password!: string;
}

export class UserDto {
  @ApiProperty({ example: 'usr_01jf…' }) id!: string;
  @ApiProperty({ example: 'jordan@northwind.example' }) email!: string;
  @ApiProperty({ example: 'Jordan Lee' }) name!: string;
  @ApiProperty({ enum: ['admin', 'member'] }) role!: UserRole;
  @ApiProperty({ example: 'mer_01jf…' }) merchantId!: string;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
  @ApiPropertyOptional() deleted?: boolean;
}

export function toUserDto(u: User): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    merchantId: u.merchantId,
    createdAt: u.createdAt.toISOString(),
  };
}

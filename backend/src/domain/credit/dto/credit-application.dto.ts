import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../../platform/validation/dto-transforms.js';
import { IsMinorAmount } from '../../../platform/money/money-validators.js';
import { ListQuery } from '../../../platform/pagination/pagination.js';
import { CREDIT_APP_MODES, type CreditAppMode } from '../../merchants/merchant-settings.js';

const text = (max: number) => [
  Trim(),
  IsString(),
  MinLength(1, { message: '$property must not be empty' }),
  MaxLength(max),
];
const Text = (max: number) => (target: object, key: string) => text(max).forEach((d) => d(target, key));

export class AddressDto {
  @ApiProperty() @Text(200) line1!: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) line2?: string;
  @ApiProperty() @Text(100) city!: string;
  @ApiProperty({ description: 'State, province or region.' }) @Text(100) region!: string;
  @ApiProperty() @Text(20) postalCode!: string;
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2.' })
  @Trim()
  @IsISO31661Alpha2({ message: 'country must be a two-letter ISO 3166 code such as US' })
  country!: string;
}

export class BusinessDto {
  @ApiProperty({ example: 'Acme Fabrication LLC' }) @Text(200) legalName!: string;

  @ApiProperty({ example: '12-3456789', description: "The business's tax id as typed." })
  @Trim()
  @IsString()
  @Matches(/^(?=(?:.*\d){5})[0-9A-Za-z][0-9A-Za-z .\-/]{3,29}$/, {
    message: 'taxId must be a tax id such as 12-3456789',
  })
  taxId!: string;

  @ApiProperty({ type: AddressDto }) @ValidateNested() @Type(() => AddressDto) address!: AddressDto;

  @ApiProperty({ example: 12 })
  @IsInt({ message: 'yearsInBusiness must be a whole number' })
  @Min(0)
  @Max(500)
  yearsInBusiness!: number;

  @ApiProperty({ example: 250_000_000, description: 'Minor units.' })
  @IsMinorAmount({ allowZero: true })
  annualRevenue!: number;
}

export class ApplicantDto {
  @ApiProperty({ example: 'Jordan Lee' }) @Text(200) name!: string;
  @ApiProperty({ example: 'ap@acme.example' })
  @Trim()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @Matches(/^\+?[0-9 ().-]{7,25}$/, { message: 'phone must be a phone number' })
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(100) title?: string;
}

export class ConsentDto {
  @ApiProperty({ enum: [true], description: 'The applicant agrees to the credit check.' })
  @Equals(true, { message: 'consent.agreed must be true: the applicant must agree to the credit check' })
  agreed!: true;

  @ApiProperty({ description: 'The name of the person agreeing, as typed.' }) @Text(200) name!: string;
}

export class CreateCreditApplicationDto {
  @ApiProperty({ enum: CREDIT_APP_MODES })
  @IsIn(CREDIT_APP_MODES, { message: `mode must be one of ${CREDIT_APP_MODES.join(', ')}` })
  mode!: CreditAppMode;

  @ApiProperty({ type: BusinessDto }) @ValidateNested() @Type(() => BusinessDto) business!: BusinessDto;
  @ApiProperty({ type: ApplicantDto }) @ValidateNested() @Type(() => ApplicantDto) applicant!: ApplicantDto;

  @ApiPropertyOptional({ description: 'Minor units, in the merchant’s default currency.' })
  @IsOptional()
  @IsMinorAmount()
  requestedCreditLimit?: number;

  @ApiProperty({ type: ConsentDto }) @ValidateNested() @Type(() => ConsentDto) consent!: ConsentDto;

  @ApiPropertyOptional({ description: 'Secret key only: apply for this existing contact.' })
  @IsOptional()
  @IsString()
  contactId?: string;
}

export class ListCreditApplicationsQuery extends ListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() contactId?: string;
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'declined'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'declined'])
  status?: string;
}

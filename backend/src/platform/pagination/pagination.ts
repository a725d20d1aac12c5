import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** `?limit=&startingAfter=` on every list. */
export class ListQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'An id from the previous page: the page after it.' })
  @IsOptional()
  @IsString()
  startingAfter?: string;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
}

/**
 * Newest first by id (ids sort by creation), cursor = the last id seen.
 * The query builder must already be scoped to the merchant.
 */
export async function paginate<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, query: ListQuery): Promise<Page<E>> {
  const limit = query.limit ?? 20;
  const alias = qb.alias;
  if (query.startingAfter) qb.andWhere(`${alias}.id < :cursor`, { cursor: query.startingAfter });
  const rows = await qb
    .orderBy(`${alias}.id`, 'DESC')
    .limit(limit + 1)
    .getMany();
  return { data: rows.slice(0, limit), hasMore: rows.length > limit };
}

export function mapPage<A, B>(page: Page<A>, map: (a: A) => B): Page<B> {
  return { data: page.data.map(map), hasMore: page.hasMore };
}

import type { ValueTransformer } from 'typeorm';

/** bigint columns (money in minor units, counters) read back as JS numbers; PG returns them as strings. */
export const bigintAsNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | bigint | null) => (v === null ? null : Number(v)),
};

/** A jsonb object column (TypeORM's partial-entity typing needs `any` values here). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonObject = Record<string, any>;

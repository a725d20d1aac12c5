// Must NOT type-check (test/react.test.mjs asserts both errors): `mode` takes
// 'credit_check' | 'credit_check_with_terms', and a cc-ready event's detail is `{ config }`.
import type {} from '@customerconnect/sdk/react';

export const WrongMode = () => <cc-credit-app mode="nope" />;

export const WrongDetail = () => <cc-credit-app oncc-ready={(event) => event.detail.nope} />;

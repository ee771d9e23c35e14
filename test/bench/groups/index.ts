import type { BenchGroup } from '../report';
import { foundation } from './foundation';
import { issuance } from './issuance';
import { edge } from './edge';
import { bulkLoad } from './load';
import { verification } from './verification';

/** Every benchmark group, in the order `npm run bench` runs them. */
export const benchGroups: readonly BenchGroup[] = [
  foundation,
  issuance,
  verification,
  bulkLoad,
  edge,
];

import type { BenchGroup } from '../report';
import { foundation } from './foundation';

/** Every benchmark group, in the order `npm run bench` runs them. */
export const benchGroups: readonly BenchGroup[] = [foundation];

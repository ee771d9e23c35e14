import { createHash as nodeCreateHash, type Hash } from 'node:crypto';

/**
 * Stands in for `@apollo/utils.createhash` in Lambda bundles. That package uses Node's crypto
 * only when `module.require` exists, which it never does inside an esbuild bundle, so bundled
 * Apollo Server fell back to `sha.js`: SHA-256 in JavaScript for the schema hash at start-up
 * and for every request's query hash. Here it is Node's own, as it is when Apollo runs
 * unbundled (the tests and the local platform).
 */
export function createHash(kind: string): Hash {
  return nodeCreateHash(kind);
}

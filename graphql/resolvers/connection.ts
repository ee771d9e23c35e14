import type { Page } from '../../functions/core/shared/runtime';

/** Maps a domain page to the GraphQL connection shape. */
export function toConnection<T>(page: Page<T>) {
  return {
    nodes: page.items,
    pageInfo: { endCursor: page.nextCursor, hasNextPage: page.nextCursor !== null },
  };
}

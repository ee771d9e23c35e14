import { extensionContext } from '../../core/credential/extension-context';
import { jsonResponse } from '../http';
import type { RouteHandlers } from './context';

/**
 * Tessera's JSON-LD extension context, as published. It never changes under its URL (a new
 * term means a new version of the file), so it is cached for a day.
 */
export function contextRoutes(): Pick<RouteHandlers, 'extensionContext'> {
  return {
    extensionContext: () =>
      Promise.resolve(
        jsonResponse(extensionContext, { contentType: 'application/ld+json', maxAge: 86_400 }),
      ),
  };
}

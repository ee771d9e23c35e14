import type { Principal } from './principal';

/** The credentials a request carries, as the transport found them. */
export interface RequestCredentials {
  /** The `Authorization` header, e.g. `Bearer eyJ…`. */
  readonly authorization?: string;
  /** A partner API key (the `x-api-key` header). */
  readonly apiKey?: string;
  /** The client's address as the gateway saw it (failed API-key attempts are throttled by it). */
  readonly sourceIp?: string;
}

/**
 * Turns request credentials into a principal: anonymous when none are given, a user for a valid
 * bearer token, a partner for a valid API key. Invalid, expired or revoked credentials throw
 * UnauthenticatedError; they never fall back to anonymous.
 */
export interface Authenticator {
  authenticate(credentials: RequestCredentials): Promise<Principal>;
}

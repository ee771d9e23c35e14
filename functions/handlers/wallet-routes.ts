/**
 * The HTTP routes of the wallets function, in API Gateway's route syntax: the CDK stack declares
 * exactly these on the HTTP API, and the local gateway sends the same paths to the same handler.
 */
export const walletRoutes = [
  { method: 'GET', path: '/.well-known/openid-credential-issuer' },
  { method: 'GET', path: '/.well-known/oauth-authorization-server' },
  { method: 'GET', path: '/oid4vci/logo.svg' },
  { method: 'POST', path: '/oid4vci/token' },
  { method: 'POST', path: '/oid4vci/nonce' },
  { method: 'POST', path: '/oid4vci/credential' },
  { method: 'POST', path: '/exchanges/{id}' },
  { method: 'GET', path: '/wallet-copies/{id}' },
] as const;

const patterns = walletRoutes.map(
  (route) => new RegExp(`^${route.path.replace(/[.]/g, '\\.').replace('{id}', '[^/]{1,100}')}$`),
);

/** Whether the wallets function serves `path` (any method: it answers 405 and preflights itself). */
export function isWalletPath(path: string): boolean {
  return patterns.some((pattern) => pattern.test(path));
}

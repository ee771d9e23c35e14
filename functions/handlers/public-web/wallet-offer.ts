import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isAllowed } from '../../core/auth/policy';
import type { CredentialRecord } from '../../core/credential/credential';
import type { CreatedOffer } from '../../core/wallets/model';
import type { PublicWebContext } from './context';
import { escapeHtml, formatDate } from './layout';

/**
 * The "Add to wallet" block of a credential page, for its own learner only.
 *
 * The public web has no session: it learns who is signed in only from the learner's bearer
 * token, and only on a POST (the learner's portal posts to the page URL with an Authorization
 * header). A GET never carries an offer, so the page a link or a cache serves is the anonymous
 * one; the POST's answer is `no-store` like every credential page. Anyone else (an admin, another
 * learner) gets the page without the block; a refused token gets 401.
 */
export async function learnerWalletOffer(
  { services, authenticator }: PublicWebContext,
  record: CredentialRecord,
  event: APIGatewayProxyEventV2,
): Promise<string | undefined> {
  if (event.requestContext.http.method !== 'POST') return undefined;
  const authorization = event.headers.authorization;
  if (!authorization || record.status !== 'ACTIVE') return undefined;
  const principal = await authenticator.authenticate({
    authorization,
    sourceIp: event.requestContext.http.sourceIp,
  });
  const scope = {
    institutionId: record.institutionId,
    recipientEmailHash: record.recipient.emailHash,
  };
  if (!isAllowed(principal, 'credential.own', scope)) return undefined;
  const offer = await services.wallets.offers.create(principal, { credentialId: record.id });
  return walletOfferHtml(offer);
}

/**
 * The offer's QR code inline (an SVG made here by the QR library: no request leaves the page,
 * so the page's CSP stays as it is) and the same offer as a link for a wallet on this device.
 */
export function walletOfferHtml(offer: CreatedOffer): string {
  return `<section class="wallet" aria-labelledby="wallet-title"><h3 id="wallet-title">Add to wallet</h3>
<div class="qr" role="img" aria-label="QR code of the credential offer">${offer.qrSvg}</div>
<p><a href="${escapeHtml(offer.offerUri)}">Open in a wallet on this device</a></p>
<p class="note">Scan the code with an OpenID4VCI wallet. The offer works once and stops working on ${escapeHtml(formatDate(offer.expiresAt))} at ${escapeHtml(offer.expiresAt.slice(11, 16))} UTC; only you see it.</p></section>`;
}

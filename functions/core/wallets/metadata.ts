/**
 * What the platform publishes about itself as an OpenID4VCI 1.0 credential issuer.
 *
 * One credential issuer for the whole platform, not one per institution: wallets discover it at
 * the platform's origin, one set of endpoints serves every institution, and the credentials it
 * hands out still name (and are signed by) the institution that issued them. Wallets show the
 * institution from the credential's own `issuer` profile and the achievement's image and name.
 */
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from '../credential/open-badge';
import { configurationIds, preAuthorizedGrantType, type WalletUrls } from './model';

/** Colours of the credential page (its link colour on white), so wallets show the same card. */
export const walletDisplay = {
  name: 'Tessera micro-credential',
  description: 'An Open Badges 3.0 micro-credential, quality-assured and industry endorsed.',
  backgroundColor: '#0b4fa8',
  textColor: '#ffffff',
} as const;

/** Holder binding: the DID methods and proof algorithms the credential endpoint checks. */
export const bindingMethods = ['did:key', 'did:jwk'] as const;
export const proofAlgorithms = ['EdDSA', 'ES256'] as const;

const credentialType = ['VerifiableCredential', 'OpenBadgeCredential'];

function credentialMetadata(urls: WalletUrls) {
  return {
    display: [
      {
        name: walletDisplay.name,
        locale: 'en',
        description: walletDisplay.description,
        logo: { uri: urls.logo, alt_text: 'Tessera' },
        background_color: walletDisplay.backgroundColor,
        text_color: walletDisplay.textColor,
      },
    ],
  };
}

const common = {
  cryptographic_binding_methods_supported: [...bindingMethods],
  proof_types_supported: { jwt: { proof_signing_alg_values_supported: [...proofAlgorithms] } },
};

/** Credential Issuer Metadata (OpenID4VCI 1.0 §12.2), served at `/.well-known/openid-credential-issuer`. */
export function credentialIssuerMetadata(urls: WalletUrls) {
  return {
    credential_issuer: urls.credentialIssuer,
    credential_endpoint: urls.credential,
    nonce_endpoint: urls.nonce,
    display: [{ name: 'Tessera', locale: 'en', logo: { uri: urls.logo, alt_text: 'Tessera' } }],
    credential_configurations_supported: {
      [configurationIds.ldpVc]: {
        format: 'ldp_vc',
        ...common,
        credential_signing_alg_values_supported: ['eddsa-rdfc-2022'],
        credential_definition: { '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT], type: credentialType },
        credential_metadata: credentialMetadata(urls),
      },
      [configurationIds.jwtVcJson]: {
        format: 'jwt_vc_json',
        ...common,
        credential_signing_alg_values_supported: ['RS256'],
        credential_definition: { type: credentialType },
        credential_metadata: credentialMetadata(urls),
      },
    },
  };
}

/**
 * OAuth 2.0 Authorization Server Metadata (RFC 8414) of the same origin: the credential issuer is
 * its own authorization server, with only the pre-authorized code grant and anonymous access
 * (the wallet is not a registered client).
 */
export function authorizationServerMetadata(urls: WalletUrls) {
  return {
    issuer: urls.credentialIssuer,
    token_endpoint: urls.token,
    grant_types_supported: [preAuthorizedGrantType],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: ['none'],
    'pre-authorized_grant_anonymous_access_supported': true,
  };
}

/** A small mark wallets show beside the credential (the `logo` of the display entries). */
export const walletLogoSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="Tessera"><rect width="64" height="64" rx="12" fill="${walletDisplay.backgroundColor}"/><path d="M14 14h16v16H14zM34 14h16v16H34zM14 34h16v16H14z" fill="#ffffff"/><path d="M34 34h16v16H34z" fill="#9cc3f5"/></svg>`;

import { DynamoDbWalletStore } from '../adapters/dynamodb/wallet-repository';
import { checkDidAuth } from '../adapters/wallets/did-auth';
import { checkHolderProof } from '../adapters/wallets/holder-proofs';
import { renderQrSvg } from '../adapters/wallets/qr';
import { jwtClaims } from '../core/credential/open-badge';
import { ed25519RawFromSpki } from '../core/keys/model';
import { CredentialEndpoint } from '../core/wallets/credential-endpoint';
import { CredentialOffers } from '../core/wallets/credential-offers';
import { VcApiExchanges } from '../core/wallets/exchanges';
import { WalletUrls } from '../core/wallets/model';
import type { SignBoundCopy } from '../core/wallets/ports';
import { TokenEndpoint } from '../core/wallets/token-endpoint';
import { WalletCopies } from '../core/wallets/wallet-copies';
import type { KeyModules } from './modules';
import type { Runtime, Stores } from './runtime';

/**
 * Signs a holder-bound copy with the institution's active keys, as issuance signs the original:
 * the Data Integrity proof (checked against the published key before it leaves), then the
 * VC-JWT of the signed document, whose `sub` is the holder.
 */
function copySigner(rt: Runtime, keyed: KeyModules): SignBoundCopy {
  const { signer, urls } = rt;
  return async (record, unsigned, issuedAt) => {
    const owner = { ownerKind: 'institution', ownerId: record.institutionId } as const;
    const [dataIntegrityKey, jwtKey] = await Promise.all([
      keyed.activeKey(owner, 'Ed25519'),
      keyed.activeKey(owner, 'RS256'),
    ]);
    const credential = await signer.addDataIntegrityProof(
      unsigned,
      {
        keyRef: dataIntegrityKey.keyRef,
        verificationMethod: urls.verificationMethod(
          'institution',
          record.institutionId,
          dataIntegrityKey.keyId,
        ),
      },
      issuedAt,
    );
    const raw = ed25519RawFromSpki(Buffer.from(dataIntegrityKey.publicKeySpki, 'base64'));
    if (!(await signer.verifyDataIntegrityProof(credential, raw)))
      throw new Error(`The proof of a wallet copy of ${record.id} did not verify after signing`);
    const jwt = await signer.signJwt(
      {
        alg: 'RS256',
        typ: 'JWT',
        kid: urls.verificationMethod('institution', record.institutionId, jwtKey.keyId),
      },
      jwtClaims(credential),
      jwtKey.keyRef,
    );
    return { credential, jwt };
  };
}

/** Wallet issuance: OpenID4VCI offers and endpoints, VC-API exchanges, holder-bound copies. */
export function walletModules(rt: Runtime, stores: Stores, keyed: KeyModules) {
  const { clock, ids } = rt;
  const urls = new WalletUrls(rt.config.PUBLIC_BASE_URL);
  const store = new DynamoDbWalletStore(rt.table);
  const findCredential = (id: string) => stores.credentials.get(id);
  const copies = new WalletCopies({
    store,
    findCredential,
    signCopy: copySigner(rt, keyed),
    urls,
    clock,
    ids,
  });
  return {
    urls,
    copies,
    offers: new CredentialOffers({ store, findCredential, renderQr: renderQrSvg, urls, clock }),
    tokens: new TokenEndpoint({
      store,
      isActive: async (id) => (await stores.credentials.getState(id))?.status === 'ACTIVE',
      clock,
    }),
    credentialEndpoint: new CredentialEndpoint({
      store,
      copies,
      checkProof: checkHolderProof,
      urls,
      clock,
    }),
    exchanges: new VcApiExchanges({
      store,
      findCredential,
      copies,
      checkDidAuth,
      renderQr: renderQrSvg,
      urls,
      clock,
      ids,
    }),
  };
}
export type WalletModules = ReturnType<typeof walletModules>;

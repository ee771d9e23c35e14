import * as z from 'zod';
import { defineEvent } from '../shared/domain-events';

/** A holder-bound copy of a credential went to a wallet (recorded with the copy). */
export const WalletCopyIssued = defineEvent({
  name: 'wallet.copyIssued',
  version: 1,
  aggregateType: 'Credential',
  schema: z.object({
    copyId: z.string(),
    holder: z.string(),
    protocol: z.enum(['OID4VCI', 'VC_API']),
    format: z.enum(['ldp_vc', 'jwt_vc_json']),
  }),
});

export const walletEvents = [WalletCopyIssued] as const;

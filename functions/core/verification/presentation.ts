/**
 * Presentation: what a verifier sends (JSON, a VC-JWT, or a PNG/SVG image with a credential
 * baked in) turned into the credential to verify, refused with BAD_USER_INPUT when it is not
 * one or exceeds the limits a verifier may send.
 */
import * as z from 'zod';
import { unbakePng, unbakeSvg } from '../credential/baking';
import { isJsonObject, type JsonObject } from '../credential/document';
import { ValidationError } from '../shared/errors';
import { depthOf } from '../shared/objects';
import { exceededComplexity, type ComplexityLimits } from './checks';
import { verificationLimits, type Presented } from './model';
import type { ProofVerifier } from './ports';

/** What `verifyCredential` accepts: one of an id, a credential, a JWT or an image. */
export const verifyInput = z
  .strictObject({
    id: z.string().trim().min(1).max(2_048).optional(),
    credential: z.unknown().optional(),
    jwt: z.string().trim().min(1).max(verificationLimits.jwtBytes).optional(),
    image: z
      .string()
      .trim()
      .min(1)
      .max(Math.ceil((verificationLimits.imageBytes * 4) / 3) + 4)
      .optional(),
    /** The secret of a share link, for credentials shared by link. */
    shareToken: z.string().trim().max(200).optional(),
  })
  .refine(
    (value) =>
      [value.id, value.credential, value.jwt, value.image].filter((field) => field !== undefined)
        .length === 1,
    {
      message: 'give exactly one of id, credential, jwt or image',
    },
  );
export type VerifyInput = z.output<typeof verifyInput>;

/** Reads the protected header and payload of a compact JWS, unverified. */
export type DecodeJws = ProofVerifier['decodeJws'];

/** What each complexity limit counts, for the refusal message. */
const complexityWords: Record<keyof ComplexityLimits, string> = {
  values: 'JSON values',
  objects: 'objects',
  arrayItems: 'items in one array',
  propertyNames: 'distinct property names',
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SVG_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg\b/i;

/** The credential a request presents by value (not by id). */
export async function presentedOf(
  request: Omit<VerifyInput, 'id'>,
  decodeJws: DecodeJws,
): Promise<Presented> {
  if (request.credential !== undefined)
    return { format: 'JSON-LD', credential: asCredential(request.credential) };
  if (request.jwt !== undefined) return presentedJwt(request.jwt, decodeJws);
  const text = (await bakedText(request.image!)).trim();
  if (!text.startsWith('{')) return presentedJwt(text, decodeJws);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError(
      'The baked credential is not valid JSON.',
      [{ path: 'input.image', message: 'holds invalid JSON' }],
      'NO_BAKED_CREDENTIAL',
    );
  }
  return { format: 'JSON-LD', credential: asCredential(parsed) };
}

/** The text baked into a base64 PNG or SVG image. */
async function bakedText(image: string): Promise<string> {
  const bytes = Buffer.from(image, 'base64');
  if (bytes.length === 0 || bytes.length > verificationLimits.imageBytes) {
    throw new ValidationError(
      'The image must be a base64 PNG or SVG of at most 5 MB.',
      [{ path: 'input.image', message: 'is empty or too large' }],
      'IMAGE_INVALID',
    );
  }
  let baked: string | null;
  try {
    baked = bytes.subarray(0, 8).equals(PNG_SIGNATURE)
      ? await unbakePng(bytes)
      : SVG_START.test(bytes.subarray(0, 4_096).toString('utf8'))
        ? await unbakeSvg(bytes.toString('utf8'))
        : null;
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    baked = null;
  }
  if (!baked) {
    throw new ValidationError(
      'The image is not a PNG or SVG with a baked credential.',
      [{ path: 'input.image', message: 'has no baked credential' }],
      'NO_BAKED_CREDENTIAL',
    );
  }
  return baked;
}

/** A JSON object within the limits of a presented credential, or BAD_USER_INPUT. */
function asCredential(value: unknown): JsonObject {
  if (!isJsonObject(value)) {
    throw new ValidationError(
      'The credential must be a JSON object.',
      [{ path: 'input.credential', message: 'must be an object' }],
      'CREDENTIAL_MALFORMED',
    );
  }
  if (depthOf(value, verificationLimits.depth) > verificationLimits.depth) {
    throw new ValidationError(
      `The credential nests deeper than ${verificationLimits.depth} levels.`,
      [{ path: 'input.credential', message: 'is nested too deeply' }],
      'CREDENTIAL_TOO_DEEP',
    );
  }
  const exceeded = exceededComplexity(value, verificationLimits.complexity);
  if (exceeded) {
    const limit = verificationLimits.complexity[exceeded];
    const words = `more than ${limit} ${complexityWords[exceeded]}`;
    throw new ValidationError(
      `The credential has ${words}.`,
      [{ path: 'input.credential', message: `has ${words}` }],
      'CREDENTIAL_TOO_COMPLEX',
    );
  }
  if (JSON.stringify(value).length > verificationLimits.credentialBytes) {
    throw new ValidationError(
      'The credential is larger than 1 MB.',
      [{ path: 'input.credential', message: 'is too large' }],
      'CREDENTIAL_TOO_LARGE',
    );
  }
  return value;
}

function presentedJwt(jwt: string, decodeJws: DecodeJws): Presented {
  const decoded = decodeJws(jwt);
  const credential = decoded ? credentialOfJwt(decoded.payload) : null;
  if (!credential) {
    throw new ValidationError(
      'Not a VC-JWT: expected a compact JWS whose payload is a credential or has a `vc` claim.',
      [{ path: 'input.jwt', message: 'is not a VC-JWT' }],
      'JWT_MALFORMED',
    );
  }
  return { format: 'VC-JWT', jwt, credential: asCredential(credential) };
}

/** JWT registered claims (RFC 7519 §4.1): they secure a credential but are none of its properties. */
const registeredClaims = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']);

/**
 * The credential a VC-JWT carries. OB 3.0.3 (§8.2.4.1, on VC Data Model 2.0) makes the payload
 * the credential itself, with the registered claims beside its properties; credentials made
 * under VC Data Model 1.1 hold it in the `vc` claim (§8.2.6, note). An `exp` sets `validUntil`
 * when the credential has none (§8.2.6.1).
 */
function credentialOfJwt(payload: JsonObject): JsonObject | null {
  let credential: JsonObject;
  if (payload['@context'] !== undefined) {
    credential = Object.fromEntries(
      Object.entries(payload).filter(([name]) => !registeredClaims.has(name)),
    );
  } else if (isJsonObject(payload.vc)) {
    credential = payload.vc;
  } else {
    return null;
  }
  const exp = payload.exp;
  if (
    typeof exp === 'number' &&
    Number.isSafeInteger(exp) &&
    Math.abs(exp) < 8_640_000_000_000 &&
    credential.validUntil === undefined &&
    credential.expirationDate === undefined
  ) {
    const field = credential.issuanceDate !== undefined && credential.validFrom === undefined;
    credential = {
      ...credential,
      [field ? 'expirationDate' : 'validUntil']: new Date(exp * 1000).toISOString(),
    };
  }
  return credential;
}

import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError, httpStatusOf, ValidationError } from '../../core/shared/errors';
import { addressKey, RateLimitedError, RateLimiter } from '../../core/shared/rate-limiter';
import { verificationLimits, type VerificationResult } from '../../core/verification/model';
import {
  formPageHeaders,
  htmlType,
  type PublicWebContext,
  type Response,
  type RouteHandlers,
} from './context';
import { verifyPage, type VerifyForm } from './verify-page';
import { textResponse } from '../http';

/**
 * The largest form accepted: an image at the verifier's own limit, base64-free (multipart
 * carries the file's bytes), plus room for the other fields. Larger bodies are refused before
 * they are parsed.
 */
export const maxVerifyFormBytes = verificationLimits.imageBytes + 64_000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SVG_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg\b/i;

/**
 * `/verify`: the verifier for people. GET shows the form; POST (urlencoded, or multipart for a
 * file) runs the same verification as the `verifyCredential` query, with its limits and the
 * anonymous rate limit of the API, and shows the checks in people's words. Works without
 * JavaScript: the form is a plain HTML form.
 */
export function verifyRoutes(context: PublicWebContext): Pick<RouteHandlers, 'verify'> {
  const limiter = new RateLimiter(() => context.clock.now().getTime());
  const perMinute = context.config.RATE_LIMIT_ANONYMOUS_PER_MINUTE;
  const limit = { perMinute, burst: Math.max(1, perMinute / 4) };
  return {
    verify: async (_params, event) => {
      const base = context.urls.base;
      if (event.requestContext.http.method !== 'POST') return show(verifyPage({ base }));
      const form: VerifyForm = {};
      try {
        limiter.take(`ip:${addressKey(event.requestContext.http.sourceIp)}`, limit);
        const fields = await formOf(event);
        Object.assign(form, fields.shown);
        const result = await verifyFields(context, fields);
        return show(verifyPage({ base, form, result }));
      } catch (error) {
        if (!(error instanceof DomainError) || error.category === 'INTERNAL') throw error;
        const status = httpStatusOf(error.category);
        const page = show(verifyPage({ base, form, problem: error.message }), status);
        if (error instanceof RateLimitedError)
          page.headers = { ...page.headers, 'retry-after': String(error.retryAfterSeconds) };
        return page;
      }
    },
  };
}

function show(body: string, status = 200): Response {
  return textResponse(body, htmlType, { status, headers: formPageHeaders });
}

/** The fields of a posted form, and what of them the page shows back. */
interface PostedFields {
  readonly text: string;
  readonly url: string;
  readonly email: string;
  readonly share: string;
  readonly file: Buffer | null;
  readonly shown: VerifyForm;
}

/** Parses the posted form (urlencoded or multipart) with the platform's own Fetch parser. */
async function formOf(event: APIGatewayProxyEventV2): Promise<PostedFields> {
  const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (body.length > maxVerifyFormBytes)
    throw new ValidationError(
      `The form is larger than ${Math.round(maxVerifyFormBytes / 1_000_000)} MB; the verifier accepts images of up to 5 MB.`,
      [],
      'REQUEST_TOO_LARGE',
    );
  const contentType = event.headers['content-type'] ?? 'application/x-www-form-urlencoded';
  let data: FormData;
  try {
    data = await new Request('http://form.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    }).formData();
  } catch {
    throw new ValidationError('The form could not be read.', [], 'FORM_INVALID');
  }
  const field = (name: string, max: number) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim().slice(0, max) : '';
  };
  const upload = data.get('file');
  const file =
    upload && typeof upload !== 'string' && upload.size > 0
      ? Buffer.from(await upload.arrayBuffer())
      : null;
  const text = field('credential', verificationLimits.credentialBytes + 1);
  const url = field('url', 2_048);
  const email = field('email', 320);
  const share = field('share', 200);
  return {
    text,
    url,
    email,
    share,
    file,
    shown: {
      credential: text.length <= 20_000 ? text : '',
      url,
      email,
      fileName: file && typeof upload !== 'string' ? (upload?.name ?? '') : '',
    },
  };
}

/** Runs the verification the fields ask for: a file, pasted text, or a URL. */
async function verifyFields(
  { services, urls }: PublicWebContext,
  fields: PostedFields,
): Promise<VerificationResult> {
  const given = [fields.file, fields.text, fields.url].filter(Boolean).length;
  if (given !== 1)
    throw new ValidationError(
      given === 0
        ? 'Give a credential: paste it, choose a file, or enter its address.'
        : 'Give one credential at a time: paste it, choose a file, or enter its address.',
      [],
      'VERIFY_INPUT_INVALID',
    );
  const email = fields.email || null;
  const verify = (input: object) => services.verification.verify(input, email);
  if (fields.file) return verify(inputOfFile(fields.file));
  if (fields.text) return verify(inputOfText(fields.text));
  if (urls.parseCredentialUrl(fields.url))
    return verify({ id: fields.url, ...(fields.share ? { shareToken: fields.share } : {}) });
  if (!/^https?:\/\//i.test(fields.url))
    throw new ValidationError(
      'The address must start with https://.',
      [{ path: 'url', message: 'is not a web address' }],
      'URL_INVALID',
    );
  return services.verification.verifyAt(fields.url, email);
}

/** A file: a baked PNG or SVG badge, or a JSON credential or VC-JWT saved as text. */
function inputOfFile(bytes: Buffer): object {
  if (bytes.length > verificationLimits.imageBytes)
    throw new ValidationError(
      'The file is larger than 5 MB.',
      [{ path: 'file', message: 'is too large' }],
      'FILE_TOO_LARGE',
    );
  const head = bytes.subarray(0, 4_096).toString('utf8');
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE) || SVG_START.test(head))
    return { image: bytes.toString('base64') };
  return inputOfText(
    bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim(),
  );
}

/** Pasted text: JSON (a credential) when it starts with `{`, otherwise a VC-JWT. */
function inputOfText(pasted: string): object {
  if (!pasted.startsWith('{')) return { jwt: pasted };
  try {
    return { credential: JSON.parse(pasted) as unknown };
  } catch {
    throw new ValidationError(
      'This is not valid JSON. Paste the whole credential, from { to }.',
      [{ path: 'credential', message: 'is not JSON' }],
      'CREDENTIAL_NOT_JSON',
    );
  }
}

import type { VerificationResult } from '../../core/verification/model';
import { checksTable, verdictBanner } from './check-words';
import { escapeHtml, formatDate, page } from './layout';

/** What the visitor sent, shown back in the form. */
export interface VerifyForm {
  credential?: string;
  url?: string;
  email?: string;
  fileName?: string;
}

/** The verifier page: the result of a verification (if any), then the form. */
export function verifyPage(args: {
  base: string;
  form?: VerifyForm;
  result?: VerificationResult;
  problem?: string;
}): string {
  const { form = {}, result, problem } = args;
  const body = `<main id="content">
<h1>Verify a credential</h1>
<p>Check an Open Badges 3.0 credential someone gave you: that its issuer signed it, that nothing in it changed, that it has not been revoked, suspended or expired, and, if you give an email address, that it was issued to that person.</p>
${problem ? `<p class="banner bad" role="alert">${escapeHtml(problem)}</p>` : ''}
${result ? resultOf(result, form) : ''}
${formOf(form)}
</main>`;
  return page(
    'Verify a credential',
    {
      description: 'Verify an Open Badges 3.0 credential: paste it, upload it or give its address.',
      url: `${args.base}/verify`,
      noindex: Boolean(result || problem),
    },
    body,
  );
}

/** The verdict, what was verified, and the checks. */
function resultOf(result: VerificationResult, form: VerifyForm): string {
  const name = result.achievement?.name;
  const issuer = result.issuer?.name;
  const link = result.credentialId?.startsWith('http') ? result.credentialId : undefined;
  const facts = [
    name ? `<dt>Credential</dt><dd>${escapeHtml(name)}</dd>` : '',
    issuer
      ? `<dt>Issued by</dt><dd>${escapeHtml(issuer)}${result.issuer?.registeredHere ? ' (registered on this platform)' : ''}</dd>`
      : '',
    result.validFrom
      ? `<dt>Valid from</dt><dd>${escapeHtml(formatDate(result.validFrom))}</dd>`
      : '',
    result.validFrom
      ? `<dt>Valid until</dt><dd>${result.validUntil ? escapeHtml(formatDate(result.validUntil)) : 'No expiry'}</dd>`
      : '',
    link ? `<dt>Its page</dt><dd><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></dd>` : '',
  ].join('');
  const endorsements = result.endorsements.length
    ? `<h3>Endorsements</h3><ul>${result.endorsements.map((e) => `<li>${escapeHtml(e.issuerName ?? 'An endorser')}: ${e.withdrawn ? 'withdrawn by the endorser' : e.verified ? 'verified' : 'could not be verified'}</li>`).join('')}</ul>`
    : '';
  return `<section aria-labelledby="result"><h2 id="result">Result</h2>
${verdictBanner(result)}
${facts ? `<dl>${facts}</dl>` : ''}
${checksTable(result, form.email ? `Checked just now, including whether it was issued to ${form.email}.` : 'Checked just now.')}
${endorsements}</section>`;
}

/** The form: paste, upload or address, and the optional email; a plain POST. */
function formOf(form: VerifyForm): string {
  return `<h2 id="check">Check a credential</h2>
<form method="post" action="/verify" enctype="multipart/form-data" aria-labelledby="check">
<p class="note">Give the credential in one of these three ways.</p>
<fieldset><legend>Paste it</legend>
<label for="credential">The credential's JSON or its VC-JWT</label>
<textarea id="credential" name="credential" spellcheck="false" aria-describedby="credential-help">${escapeHtml(form.credential ?? '')}</textarea>
<p class="note" id="credential-help">JSON starts with {; a VC-JWT is three parts separated by dots.</p></fieldset>
<fieldset><legend>Or upload it</legend>
<label for="file">A badge image (PNG or SVG) or a .json or .jwt file, up to 5 MB</label>
<input id="file" name="file" type="file" accept=".png,.svg,.json,.jwt,.txt,image/png,image/svg+xml,application/json">
${form.fileName ? `<p class="note">You chose ${escapeHtml(form.fileName)}; choose it again to check it again.</p>` : ''}</fieldset>
<fieldset><legend>Or give its address</legend>
<label for="url">The credential's web address</label>
<input id="url" name="url" type="url" inputmode="url" autocomplete="off" value="${escapeHtml(form.url ?? '')}" placeholder="https://">
</fieldset>
<label for="email">Issued to (optional)</label>
<input id="email" name="email" type="email" autocomplete="off" value="${escapeHtml(form.email ?? '')}" aria-describedby="email-help">
<p class="note" id="email-help">The email address of the person who showed you the credential. It is only compared with the credential, never stored.</p>
<p><button type="submit">Verify</button></p>
</form>`;
}

import { frame, html, plain, type MessageData, type Template } from './layout';

const summary = (d: MessageData) =>
  `The bulk issuance of "${d.title}" finished: ${d.counts?.succeeded ?? 0} of ${d.counts?.total ?? 0} credentials issued, ${d.counts?.failed ?? 0} failed.`;
const failureLines = (d: MessageData) =>
  (d.failures ?? []).map((failure) => `Row ${failure.row}: ${failure.message}`);

export const bulkJobFinished: Template = {
  subject: (d) =>
    `Bulk issuance finished: ${d.counts?.succeeded ?? 0} issued, ${d.counts?.failed ?? 0} failed`,
  text: (d) => plain(d, summary(d), ...failureLines(d)),
  html: (d) =>
    frame(
      d,
      html`<p>${summary(d)}</p>` +
        (failureLines(d).length
          ? `<ul>${failureLines(d)
              .map((line) => html`<li>${line}</li>`)
              .join('')}</ul>`
          : ''),
    ),
};

import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { CredentialRecord } from '../../core/credential/credential';
import { readCredential, type JsonObject } from '../../core/credential/document';
import { formatDate, text } from './layout';

/** What the certificate shows, read from the credential and its live verification. */
export interface CertificateFacts {
  readonly record: CredentialRecord;
  /** The credential's page, which the QR code opens. */
  readonly url: string;
  readonly endorsers: readonly string[];
  /** A revoked, suspended or expired credential's certificate says so across the page. */
  readonly invalidReason?: string;
}

const ink = rgb(0.1, 0.1, 0.1);
const muted = rgb(0.3, 0.3, 0.3);
const accent = rgb(0.043, 0.31, 0.659);

/**
 * The standard PDF fonts encode WinAnsi only; characters outside it would make pdf-lib throw,
 * so they are replaced (names keep their Latin letters, accents decomposed where possible).
 */
function printable(value: string): string {
  return value
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .normalize('NFC')
    .replace(/[^\x20-\x7E\xA0-\xFF]/g, (char) => {
      const plain = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return /^[\x20-\x7E]+$/.test(plain) ? plain : '?';
    });
}

/** Lines of at most `width` points in `font` at `size`. */
function wrap(value: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const word of printable(value).split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && font.widthOfTextAtSize(`${last} ${word}`, size) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Draws the QR code of `url` as vector squares, `size` points wide, with its top-left at x, y. */
function drawQr(pdfPage: PDFPage, url: string, x: number, y: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / count;
  for (let row = 0; row < count; row += 1)
    for (let column = 0; column < count; column += 1)
      if (qr.modules.data[row * count + column])
        pdfPage.drawRectangle({
          x: x + column * cell,
          y: y - (row + 1) * cell,
          width: cell,
          height: cell,
          color: ink,
        });
}

/** The learning outcomes the credential's achievement aligns to (codes LO1, LO2, …). */
function outcomesOf(achievement: JsonObject | undefined): string[] {
  const alignment = Array.isArray(achievement?.alignment) ? achievement.alignment : [];
  return (alignment as JsonObject[])
    .filter((entry) => /^LO\d+$/.test(text(entry.targetCode)))
    .map((entry) => text(entry.targetName))
    .slice(0, 8);
}

/** The QR code to the credential's page, its caption, and the credential's id. */
function drawFooter(pdfPage: PDFPage, facts: CertificateFacts, font: PDFFont, left: number) {
  drawQr(pdfPage, facts.url, 650, 230, 130);
  const caption = wrap(`Scan to verify, or open ${facts.url}`, font, 8, 150);
  caption.forEach((part, index) =>
    pdfPage.drawText(part, { x: 640, y: 85 - index * 10, size: 8, font, color: muted }),
  );
  pdfPage.drawText(
    printable(`Credential ${facts.record.id} - Open Badges 3.0, signed by its issuer`),
    {
      x: left,
      y: 40,
      size: 8,
      font,
      color: muted,
    },
  );
}

/** A one-page A4 landscape certificate of a credential, with a QR code to its page. */
export async function certificatePdf(facts: CertificateFacts): Promise<Buffer> {
  const { record } = facts;
  const view = readCredential(record.credential);
  const pdf = await PDFDocument.create();
  pdf.setTitle(printable(`${record.achievementName} - certificate`));
  pdf.setCreator('Tessera');
  pdf.setProducer('Tessera (pdf-lib)');
  pdf.setCreationDate(new Date(record.issuedAt));
  pdf.setModificationDate(new Date(record.issuedAt));
  const [regular, bold] = await Promise.all([
    pdf.embedFont(StandardFonts.Helvetica),
    pdf.embedFont(StandardFonts.HelveticaBold),
  ]);
  const pdfPage = pdf.addPage([842, 595]);
  const left = 60;
  const width = 560;
  let y = 530;
  const line = (value: string, font: PDFFont, size: number, color = ink, gap = 6) => {
    for (const part of wrap(value, font, size, width)) {
      pdfPage.drawText(part, { x: left, y, size, font, color });
      y -= size + gap;
    }
  };
  pdfPage.drawRectangle({
    x: 20,
    y: 20,
    width: 802,
    height: 555,
    borderColor: accent,
    borderWidth: 3,
  });
  line('CERTIFICATE OF ACHIEVEMENT', bold, 12, accent, 14);
  const earner = record.showName && record.recipient.name ? record.recipient.name : null;
  line(earner ? `${earner} has earned` : 'This certifies the award of', regular, 14, muted, 10);
  line(record.achievementName, bold, 28, ink, 10);
  line(`Issued by ${view?.issuer.name ?? 'the issuer'}`, regular, 14, ink, 14);
  const validity = record.validUntil ? `valid until ${formatDate(record.validUntil)}` : 'no expiry';
  line(`Issued ${formatDate(record.issuedAt)} - ${validity}`, regular, 11, muted, 16);
  const outcomes = outcomesOf(view?.achievement);
  if (outcomes.length) {
    line('Learning outcomes', bold, 11, ink, 6);
    for (const outcome of outcomes) line(`- ${outcome}`, regular, 10, ink, 4);
    y -= 8;
  }
  if (facts.endorsers.length)
    line(`Endorsed by ${facts.endorsers.join(', ')}`, regular, 10, ink, 8);
  if (facts.invalidReason) line(facts.invalidReason, bold, 12, rgb(0.54, 0.11, 0.07), 8);
  drawFooter(pdfPage, facts, regular, left);
  return Buffer.from(await pdf.save());
}

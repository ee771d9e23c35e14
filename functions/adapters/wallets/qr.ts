import QRCode from 'qrcode';
import type { RenderQr } from '../../core/wallets/ports';

/** A QR code as SVG (medium error correction: offers are long, phones read them from screens). */
export const renderQrSvg: RenderQr = (text) =>
  QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

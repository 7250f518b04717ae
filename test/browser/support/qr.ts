/** Reads a QR code the page drew: its PNG decoded (pngjs) and scanned (jsQR), as an authenticator app's camera would. */
import jsQRModule from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

// jsqr is CommonJS: under NodeNext its function is the default export's `default`.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

/** The text of the QR code shown for the output field at `path` (the page's figure.qr). */
export async function decodeQr(page: Page, path: string): Promise<string | undefined> {
  const img = page.locator(`figure.qr[data-qr-path="${path}"] img`);
  await img.waitFor();
  const src = (await img.getAttribute('src'))!;
  if (!src.startsWith('data:image/png;base64,')) throw new Error(`the QR code is not a PNG data URL: ${src.slice(0, 30)}`);
  const png = PNG.sync.read(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
  return jsQR(Uint8ClampedArray.from(png.data), png.width, png.height)?.data;
}

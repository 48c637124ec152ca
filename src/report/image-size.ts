// The pixel size of a logo from its own header bytes (PNG, JPEG, GIF, WebP) or attributes (SVG), so a
// report can keep its proportions when it sets its height: Word needs both sides of every image, and
// a footer strip of logos is laid out before any browser sees them.
import type { LogoType } from '../check/branding.js';

export interface PixelSize {
  width: number;
  height: number;
}

const u16be = (b: Buffer, at: number) => b.readUInt16BE(at);
const u16le = (b: Buffer, at: number) => b.readUInt16LE(at);

/** Width and height in pixels, or undefined when the header cannot be read. */
export function imageSize(bytes: Uint8Array, type: LogoType): PixelSize | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    switch (type) {
      case 'image/png':
        return sane({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });
      case 'image/gif':
        return sane({ width: u16le(b, 6), height: u16le(b, 8) });
      case 'image/jpeg':
        return jpegSize(b);
      case 'image/webp':
        return webpSize(b);
      case 'image/svg+xml':
        return svgSize(b.toString('utf8'));
    }
  } catch {
    return undefined;
  }
}

function sane(size: PixelSize): PixelSize | undefined {
  return Number.isFinite(size.width) && Number.isFinite(size.height) && size.width > 0 && size.height > 0 ? size : undefined;
}

/** The first start-of-frame marker carries the size (SOF0–SOF15, but not DHT, JPG and DAC). */
function jpegSize(b: Buffer): PixelSize | undefined {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = u16be(b, at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return sane({ height: u16be(b, at + 5), width: u16be(b, at + 7) });
    }
    at += 2 + length;
  }
  return undefined;
}

function webpSize(b: Buffer): PixelSize | undefined {
  const chunk = b.subarray(12, 16).toString('latin1');
  if (chunk === 'VP8 ') return sane({ width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff });
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return sane({ width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 });
  }
  if (chunk === 'VP8X') return sane({ width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 });
  return undefined;
}

/** An SVG's width and height attributes in user units, else its viewBox; a logo without either is drawn square. */
function svgSize(text: string): PixelSize {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  const attr = (name: string) => {
    const value = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([\\d.]+)(px)?\\s*["']`, 'i').exec(tag);
    return value ? Number(value[1]) : undefined;
  };
  const width = attr('width');
  const height = attr('height');
  if (width && height) return { width, height };
  const box = /\sviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*["']/i.exec(tag);
  if (box && Number(box[1]) > 0 && Number(box[2]) > 0) return { width: Number(box[1]), height: Number(box[2]) };
  return { width: 100, height: 100 };
}

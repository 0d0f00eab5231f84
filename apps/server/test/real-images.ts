// Real, decodable images (made with sharp) carrying the metadata phones and editors write, for the
// media tests: a JPEG with EXIF GPS + XMP + Photoshop/IPTC, a rotated JPEG (EXIF orientation), a PNG
// with tEXt and eXIf chunks, a WebP with EXIF and XMP chunks, and a header-only decompression bomb.
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { exifWithGps } from "./images.ts";

export const SECRET = "Secret Owner 13800138000";
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>41,6.5N</exif:GPSLatitude><dc:creator>${SECRET}</dc:creator></x:xmpmeta>`;

/** A noisy picture (so encoders cannot make it trivially small), `width` × `height`. */
export function picture(width = 640, height = 480) {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 7 + y * 3) & 0xff;
      raw[i + 1] = (x * y) & 0xff;
      raw[i + 2] = ((x ^ y) * 5) & 0xff;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/** A camera JPEG: EXIF with a GPS position, XMP, Photoshop/IPTC segments and a trailer after the image. */
export async function jpegWithGps(width = 640, height = 480): Promise<Buffer> {
  const clean = await picture(width, height).jpeg({ quality: 90 }).toBuffer();
  const xmp = Buffer.concat([Buffer.from("http://ns.adobe.com/xap/1.0/\0", "latin1"), Buffer.from(XMP)]);
  const irb = Buffer.from(`Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x18IPTC:${SECRET}`, "latin1");
  return Buffer.concat([
    clean.subarray(0, 2),
    segment(0xe1, exifWithGps()),
    segment(0xe1, xmp),
    segment(0xed, irb),
    clean.subarray(2),
    Buffer.from(`MotionPhoto_Data ${SECRET}`, "latin1"),
  ]);
}

/** A JPEG stored sideways, 640 × 480 pixels, with EXIF orientation 6 ("rotate 90° clockwise to view"). */
export async function rotatedJpeg(): Promise<Buffer> {
  return picture(640, 480)
    .jpeg()
    .withExif({ IFD0: { Copyright: SECRET, Make: "PhoneCo" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const chunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

/** A PNG with a tEXt comment and an eXIf chunk (GPS), placed before the image data as the spec requires. */
export async function pngWithText(width = 320, height = 240): Promise<Buffer> {
  const clean = await picture(width, height).png().toBuffer();
  const afterIhdr = 8 + 8 + 13 + 4; // signature, IHDR header, IHDR data, CRC
  return Buffer.concat([
    clean.subarray(0, afterIhdr),
    chunk("tEXt", Buffer.from(`Comment\0${SECRET}`, "latin1")),
    chunk("eXIf", exifWithGps().subarray(6)), // eXIf holds the TIFF block without "Exif\0\0"
    clean.subarray(afterIhdr),
  ]);
}

/** A WebP with EXIF and XMP chunks (VP8X container). */
export async function webpWithExif(width = 320, height = 240): Promise<Buffer> {
  return picture(width, height)
    .webp({ quality: 90 })
    .withExif({ IFD0: { Copyright: SECRET, Make: "PhoneCo" } })
    .withXmp(XMP)
    .toBuffer();
}

/** A PNG header claiming 20 000 × 20 000 pixels (400 MP) with almost no data: refused before decoding. */
export function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export const contains = (haystack: Buffer, needle: string | Buffer) => haystack.indexOf(needle) !== -1;

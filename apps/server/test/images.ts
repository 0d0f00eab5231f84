// Small images built byte by byte for the photo tests: a JPEG carrying the metadata a phone writes
// (EXIF with a GPS position, XMP, Photoshop/IPTC) around a minimal image, and PNG/WebP headers.

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/** A big-endian TIFF/EXIF block: IFD0 points to a GPS IFD holding 41°6'30"N 122°59'12"E. */
export function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(128);
  tiff.write("MM", 0, "latin1");
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 at 8
  // IFD0: one entry, GPSInfo (0x8825, LONG) → GPS IFD at 26
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x8825, 10);
  tiff.writeUInt16BE(4, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22);
  // GPS IFD at 26: four entries, then the rationals at 80
  let at = 26;
  tiff.writeUInt16BE(4, at);
  at += 2;
  const entry = (tag: number, type: number, count: number, value: number | string) => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    if (typeof value === "string") tiff.write(value, at + 8, "latin1");
    else tiff.writeUInt32BE(value, at + 8);
    at += 12;
  };
  entry(0x0001, 2, 2, "N\0"); // GPSLatitudeRef
  entry(0x0002, 5, 3, 80); // GPSLatitude
  entry(0x0003, 2, 2, "E\0"); // GPSLongitudeRef
  entry(0x0004, 5, 3, 104); // GPSLongitude
  tiff.writeUInt32BE(0, at);
  const rationals = [41, 1, 6, 1, 3000, 100, 122, 1, 59, 1, 1200, 100];
  for (const [i, n] of rationals.entries()) tiff.writeUInt32BE(n, 80 + i * 4);
  return Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
}

/** The entropy-coded part of the scan: stuffed FF 00, a restart marker, and bytes that look like APP1. */
export const SCAN_DATA = Buffer.from([0x12, 0x34, 0xff, 0x00, 0xe1, 0x56, 0xff, 0xd0, 0x78, 0x9a, 0xff, 0x00]);

export interface JpegParts {
  exif?: boolean;
  xmp?: boolean;
  photoshop?: boolean;
  trailer?: boolean;
}

/** A structurally valid baseline JPEG (1×1, one component) with the requested metadata. */
export function buildJpeg({ exif = true, xmp = true, photoshop = true, trailer = true }: JpegParts = {}): Buffer {
  const jfif = Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const icc = Buffer.concat([Buffer.from("ICC_PROFILE\0", "latin1"), Buffer.from([1, 1, 0, 0, 0, 0])]);
  const xmpPacket = Buffer.from(
    'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>41,6.5N</exif:GPSLatitude></x:xmpmeta>',
    "latin1",
  );
  const irb = Buffer.from("Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0cIPTC:Anshan", "latin1");
  const dqt = Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]);
  const sof0 = Buffer.from([0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]);
  const dht = Buffer.concat([Buffer.from([0x00]), Buffer.from([0, 1, ...Array(14).fill(0)]), Buffer.from([0x00])]);
  const sos = Buffer.from([0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, jfif),
    ...(exif ? [segment(0xe1, exifWithGps())] : []),
    ...(xmp ? [segment(0xe1, xmpPacket)] : []),
    segment(0xe2, icc),
    ...(photoshop ? [segment(0xed, irb)] : []),
    segment(0xdb, dqt),
    // fill bytes before a marker are legal
    Buffer.from([0xff]),
    segment(0xc0, sof0),
    segment(0xc4, dht),
    segment(0xda, sos),
    SCAN_DATA,
    Buffer.from([0xff, 0xd9]),
    ...(trailer ? [Buffer.from("MotionPhoto_Data GPS 41.1,122.9", "latin1")] : []),
  ]);
}

export function buildPng(): Buffer {
  // signature + an IHDR chunk; the server checks the signature only
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]),
  ]);
}

export function buildWebp(): Buffer {
  const body = Buffer.concat([Buffer.from("WEBPVP8L", "latin1"), Buffer.from([5, 0, 0, 0, 0x2f, 0, 0, 0, 0])]);
  const head = Buffer.from("RIFF\0\0\0\0", "latin1");
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

import { describe, expect, it } from "vitest";
import { buildJpeg, exifWithGps, SCAN_DATA } from "../../test/images.ts";
import { sniffImage } from "./sniff-image.ts";
import { InvalidJpegError, stripJpegMetadata } from "./strip-jpeg-metadata.ts";

const has = (buf: Buffer, needle: string | Buffer) => buf.indexOf(needle) !== -1;

describe("stripJpegMetadata", () => {
  const original = buildJpeg();
  const stripped = stripJpegMetadata(original);

  it("the test image really carries EXIF with GPS, XMP and Photoshop data", () => {
    expect(has(original, "Exif\0\0")).toBe(true);
    expect(has(original, exifWithGps().subarray(6))).toBe(true);
    expect(has(original, "GPSLatitude")).toBe(true);
    expect(has(original, "Photoshop 3.0")).toBe(true);
  });

  it("drops APP1 (EXIF, XMP) and APP13 (Photoshop/IPTC) segments and anything after the image", () => {
    expect(has(stripped, "Exif")).toBe(false);
    expect(has(stripped, exifWithGps().subarray(6))).toBe(false);
    expect(has(stripped, "MM\0*")).toBe(false);
    expect(has(stripped, "GPS")).toBe(false);
    expect(has(stripped, "http://ns.adobe.com/xap")).toBe(false);
    expect(has(stripped, "Photoshop")).toBe(false);
    expect(has(stripped, "8BIM")).toBe(false);
    expect(has(stripped, "MotionPhoto")).toBe(false);
  });

  it("keeps the image: JFIF, ICC profile, tables, frame, scan data unchanged, end of image", () => {
    expect(stripped.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(has(stripped, "JFIF\0")).toBe(true);
    expect(has(stripped, "ICC_PROFILE\0")).toBe(true);
    for (const marker of [0xdb, 0xc0, 0xc4, 0xda]) expect(has(stripped, Buffer.from([0xff, marker]))).toBe(true);
    // the entropy-coded data, with its stuffed FF 00 followed by E1 and its restart marker, is intact
    expect(has(stripped, SCAN_DATA)).toBe(true);
    expect(stripped.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(sniffImage(stripped)).toBe("image/jpeg");
  });

  it("is the identity on a clean JPEG and idempotent", () => {
    const clean = buildJpeg({ exif: false, xmp: false, photoshop: false, trailer: false });
    // a clean file only loses its fill byte before SOF0
    expect(stripJpegMetadata(clean).length).toBe(clean.length - 1);
    expect(stripJpegMetadata(stripped)).toEqual(stripped);
  });

  it("refuses what is not a well-formed JPEG", () => {
    expect(() => stripJpegMetadata(Buffer.from("hello world"))).toThrow(InvalidJpegError);
    expect(() => stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff]))).toThrow(InvalidJpegError);
    // a segment claiming more bytes than the file has
    expect(() => stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 1, 2, 3]))).toThrow(
      InvalidJpegError,
    );
    // garbage where a marker should be
    expect(() => stripJpegMetadata(Buffer.from([0xff, 0xd8, 0x12, 0x34, 0x56]))).toThrow(InvalidJpegError);
  });
});

describe("sniffImage", () => {
  it("recognises JPEG, PNG and WebP by their bytes, nothing else", () => {
    expect(sniffImage(buildJpeg())).toBe("image/jpeg");
    expect(sniffImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffImage(Buffer.from("RIFF\x10\0\0\0WEBPVP8 ", "latin1"))).toBe("image/webp");
    expect(sniffImage(Buffer.from("RIFF\x10\0\0\0WAVEfmt ", "latin1"))).toBe(null);
    expect(sniffImage(Buffer.from("GIF89a"))).toBe(null);
    expect(sniffImage(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBe(null);
    expect(sniffImage(Buffer.alloc(0))).toBe(null);
  });
});

// Every accepted photo is decoded and re-encoded by sharp (libvips): the stored file carries pixels
// only — no EXIF (GPS, time, device), XMP, IPTC, ICC or PNG text chunks — turned upright by its EXIF
// orientation first, capped in size, plus a small WebP thumbnail for lists. Re-encoding (rather than
// cutting metadata out) also means a file that only pretends to be an image is refused.
import sharp from "sharp";
import type { ImageType } from "../attachments/sniff-image.ts";
import { AppError } from "../errors.ts";

/** Longest side of a stored original: plenty for evidence photos, a bound on storage and memory. */
export const MAX_SIDE = 4096;
/** Longest side of a thumbnail. */
export const THUMB_SIDE = 320;
/**
 * Decoded-size limit, checked from the header before decoding, so a small file claiming 50 000 ×
 * 50 000 pixels is refused. 70 MP admits 50–64 MP phone sensors (larger ones exceed the 10 MB upload).
 */
export const MAX_INPUT_PIXELS = 70_000_000;

export const THUMB_CONTENT_TYPE = "image/webp";

const SHARP_FORMAT: Record<ImageType, "jpeg" | "png" | "webp"> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
};

export interface EncodedImage {
  bytes: Buffer;
  contentType: string;
  width: number;
  height: number;
}

export interface ProcessedImage {
  original: EncodedImage;
  thumb: EncodedImage;
}

const inputOptions = {
  limitInputPixels: MAX_INPUT_PIXELS,
  // refuse truncated or broken pixel data, tolerate the harmless warnings phones' files often raise
  failOn: "error",
  autoOrient: true,
  // only the first frame of an animated WebP
  pages: 1,
} as const;

/** Re-encodes `input` (already sniffed as `type`) in its own format, without metadata, and makes a thumbnail. */
export async function processImage(input: Buffer, type: ImageType): Promise<ProcessedImage> {
  try {
    const header = await sharp(input, inputOptions).metadata();
    // the magic number and the decoder must agree on what this is
    if (header.format !== SHARP_FORMAT[type]) throw new AppError("IMAGE_CORRUPT", { expected: type });
    const resized = sharp(input, inputOptions).resize({
      width: MAX_SIDE,
      height: MAX_SIDE,
      fit: "inside",
      withoutEnlargement: true,
    });
    // sharp writes no metadata unless asked (keepMetadata/withMetadata), and converts to sRGB
    const encoder =
      type === "image/jpeg"
        ? resized.jpeg({ quality: 85, mozjpeg: true })
        : type === "image/png"
          ? resized.png({ compressionLevel: 9, adaptiveFiltering: true })
          : resized.webp({ quality: 85 });
    const original = await encoder.toBuffer({ resolveWithObject: true });
    // the thumbnail comes from the cleaned, upright, capped original: cheaper and already safe
    const thumb = await sharp(original.data)
      .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer({ resolveWithObject: true });
    return {
      original: { bytes: original.data, contentType: type, width: original.info.width, height: original.info.height },
      thumb: {
        bytes: thumb.data,
        contentType: THUMB_CONTENT_TYPE,
        width: thumb.info.width,
        height: thumb.info.height,
      },
    };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message)) throw new AppError("IMAGE_TOO_LARGE", { maxPixels: MAX_INPUT_PIXELS });
    throw new AppError("IMAGE_CORRUPT", { type, problem: message.split("\n")[0]?.slice(0, 200) });
  }
}

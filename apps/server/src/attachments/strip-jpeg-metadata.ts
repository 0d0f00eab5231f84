// Removes personal metadata from a JPEG before it is stored: APP1 (EXIF, with the camera's GPS
// position, time and device; XMP) and APP13 (Photoshop/IPTC). The file is walked marker by marker
// rather than searched for byte patterns, so entropy-coded image data is never mistaken for a
// segment; the image data itself is copied unchanged (no re-encoding, no quality loss). Anything
// after the end-of-image marker (e.g. the video of a "motion photo") is dropped as well.

/** APP1 = EXIF/XMP, APP13 = Photoshop IRB/IPTC. APP0 (JFIF) and APP2 (ICC colour profile) stay. */
const DROPPED = new Set([0xe1, 0xed]);

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;

export class InvalidJpegError extends Error {}

/** Markers that stand alone, without a length: TEM and the restart markers RST0–RST7. */
function standalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

export function stripJpegMetadata(input: Buffer): Buffer {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== SOI) throw new InvalidJpegError("no start of image");
  const kept: Buffer[] = [input.subarray(0, 2)];
  let pos = 2;
  while (pos < input.length) {
    if (input[pos] !== 0xff) throw new InvalidJpegError(`expected a marker at byte ${pos}`);
    // any number of 0xFF fill bytes may precede a marker code
    let at = pos + 1;
    while (at < input.length && input[at] === 0xff) at++;
    if (at >= input.length) break;
    const marker = input[at] as number;
    if (marker === EOI) {
      kept.push(Buffer.from([0xff, EOI]));
      break;
    }
    if (marker === 0x00 || marker === SOI) throw new InvalidJpegError(`unexpected marker at byte ${at}`);
    if (standalone(marker)) {
      kept.push(Buffer.from([0xff, marker]));
      pos = at + 1;
      continue;
    }
    if (at + 2 >= input.length) throw new InvalidJpegError("truncated segment length");
    const length = input.readUInt16BE(at + 1); // counts its own two bytes, not the marker
    const end = at + 1 + length;
    if (length < 2 || end > input.length) throw new InvalidJpegError(`bad segment length at byte ${at}`);
    if (!DROPPED.has(marker)) kept.push(Buffer.from([0xff, marker]), input.subarray(at + 1, end));
    pos = end;
    if (marker === SOS) {
      // entropy-coded data follows the scan header, up to the next real marker: 0xFF is escaped as
      // FF 00 inside it, and restart markers (FF D0–D7) belong to it
      const dataEnd = scanDataEnd(input, pos);
      kept.push(input.subarray(pos, dataEnd));
      pos = dataEnd;
    }
  }
  return Buffer.concat(kept);
}

/** Index of the first marker after entropy-coded data starting at `from` (or the end of the input). */
function scanDataEnd(input: Buffer, from: number): number {
  let i = from;
  while (i < input.length - 1) {
    if (input[i] !== 0xff) {
      i++;
      continue;
    }
    const next = input[i + 1] as number;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
      i += 2;
    } else if (next === 0xff) {
      i++; // fill byte before a marker
    } else {
      return i;
    }
  }
  // no end-of-image marker: a truncated file keeps what it has
  return input.length;
}

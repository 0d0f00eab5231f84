import { describe, expect, it } from "vitest";
import { buildJpeg } from "../../test/images.ts";
import { sniffImage } from "./sniff-image.ts";

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

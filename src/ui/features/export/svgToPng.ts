import type { SerializedSvg } from "./serializeSvg";

/** Pixels per SVG unit in the PNG: sharp on high-density screens and in slides. */
const SCALE = 2;

/** Rasterizes serialized SVG: an <img> of its blob URL drawn on a canvas (CSP: img-src blob:). */
export async function svgToPng(svg: SerializedSvg): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.markup], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = svg.width * SCALE;
    canvas.height = svg.height * SCALE;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

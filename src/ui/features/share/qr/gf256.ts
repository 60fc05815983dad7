/** Arithmetic in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1 (0x11D), QR's Reed–Solomon field. */
export function gfMultiply(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z & 0xff;
}

/** The Reed–Solomon generator polynomial of a degree (leading 1 omitted, highest power first). */
export function rsGenerator(degree: number): number[] {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < result.length; j++) {
      result[j] = gfMultiply(result[j]!, root);
      if (j + 1 < result.length) result[j]! ^= result[j + 1]!;
    }
    root = gfMultiply(root, 0x02);
  }
  return result;
}

/** The error-correction codewords for a block of data codewords. */
export function rsRemainder(data: readonly number[], generator: readonly number[]): number[] {
  const n = generator.length;
  const result = new Array<number>(n).fill(0);
  for (const b of data) {
    const factor = b ^ result[0]!;
    for (let i = 0; i < n - 1; i++) result[i] = result[i + 1]! ^ gfMultiply(generator[i]!, factor);
    result[n - 1] = gfMultiply(generator[n - 1]!, factor);
  }
  return result;
}

/**
 * Codec configuration boxes of a HEIF file (ISO/IEC 23008-12): the property boxes in
 * meta → iprp → ipco, e.g. 'hvcC' for HEVC ("HEIC") or 'av1C' for AV1 ("AVIF").
 * The brand in 'ftyp' is only a label, and libvips even reports "hevc" for an AV1 image in a
 * "mif1" box, so the boxes themselves decide whether heic-convert can decode a file.
 */
export function heifCodecConfigs(head: Uint8Array): Set<string> {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const configs = new Set<string>();
  const meta = findBox(bytes, 0, bytes.length, 'meta');
  if (!meta) return configs;
  // 'meta' is a full box: version and flags precede its children.
  const iprp = findBox(bytes, meta.contentStart + 4, meta.end, 'iprp');
  const ipco = iprp && findBox(bytes, iprp.contentStart, iprp.end, 'ipco');
  if (!ipco) return configs;
  for (const box of boxes(bytes, ipco.contentStart, ipco.end)) {
    if (box.type.endsWith('C')) configs.add(box.type);
  }
  return configs;
}

interface Box {
  type: string;
  contentStart: number;
  end: number;
}

function findBox(bytes: Buffer, start: number, end: number, type: string): Box | undefined {
  for (const box of boxes(bytes, start, end)) if (box.type === type) return box;
  return undefined;
}

function* boxes(bytes: Buffer, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) return;
      size = Number(bytes.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header) return;
    // A box reaching beyond what was read (e.g. a large 'mdat') is still reported, clipped.
    yield { type, contentStart: at + header, end: Math.min(at + size, end) };
    at += size;
  }
}

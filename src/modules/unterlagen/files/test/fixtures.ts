// Test files for the upload pipeline: a tiny HEIC, JPEGs with EXIF and GPS, PNGs and PDFs of a given size.
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

/** Marker written into EXIF so a test can prove it is gone after conversion. */
export const exifMarker = 'WEGWEISER-EXIF-MARKER';

/**
 * 578-byte HEIC (HEVC, 32×16, left half red, right half blue), made on this machine with
 * `heif-enc -q 40` (libheif 1.15 + x265) from a PNG drawn by sharp; no encoder is needed to run tests.
 */
export const tinyHeic = Buffer.from(
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAa1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAA' +
    'AA5waXRtAAAAAAACAAAAEGlkYXQAAAAAACAAEAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHRAAEAAAAAAAAAcQACAAEAAAAAAAAA' +
    'AQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADYaXBycAAA' +
    'ALZpcGNvAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQED' +
    'cAAAAwCQAAADAAADAB6gIIEFluqumubgQEDAgAAAAwCAAAADAIQiAAEABkQBwXPBiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlz' +
    'cGUAAAAAAAAAIAAAABAAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGlt' +
    'ZwACAAEAAQAAAHltZGF0AAAAbSgBr1IXXHTm/Oq//4xV/+uzkPNPAK/+tvVffyk/1vKEH7SvS+VHY9pJkceDzPY8KpZXQYSmvTey' +
    'sMLEgZ6UOrQDqvbKhkDMddoK4/bcJKP95v97+z62JXASiDsfJ26jb/xkC+t8F7sGowe8LIA=',
  'base64',
);

/** A JPEG carrying EXIF (with {@link exifMarker}) and a GPS position, optionally with an orientation tag. */
export async function jpegWithGps(width = 40, height = 20, orientation?: number): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withExif({
      IFD0: { ImageDescription: exifMarker, Make: 'TestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '49/1 38/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '8/1 38/1 4/1' },
    });
  if (orientation) image = image.withMetadata({ orientation });
  return image.toBuffer();
}

export async function pngImage(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 160, b: 0, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

export async function pdfWithPages(pages: number): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i++) document.addPage([595, 842]).drawText(`Seite ${i + 1}`, { x: 50, y: 780 });
  return Buffer.from(await document.save());
}

/**
 * A PDF written by hand from object bodies, with a correct xref table. pdf-lib cannot write
 * encryption, so this is how an encrypted PDF (an /Encrypt entry in the trailer) is made.
 */
export function handmadePdf(objects: readonly string[], trailerExtra = ''): Buffer {
  let body = '%PDF-1.7\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export function encryptedPdf(): Buffer {
  const hex32 = 'ab'.repeat(32);
  return handmadePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${hex32}> /U <${hex32}> >>`,
    ],
    `/Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] `,
  );
}

/** A ZIP archive with one entry, stored or deflated, written by hand (local header, directory, end record). */
export function zipArchive(name: string, content: Buffer, deflate = false): Buffer {
  const data = deflate ? deflateRawSync(content) : content;
  const fileName = Buffer.from(name, 'utf8');
  const checksum = crc32(content);

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(deflate ? 8 : 0, 8);
  local.writeUInt32LE(checksum, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(deflate ? 8 : 0, 10);
  central.writeUInt32LE(checksum, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);

  const localPart = Buffer.concat([local, fileName, data]);
  const centralPart = Buffer.concat([central, fileName]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}

/** A PNG whose IHDR claims the given size (valid CRCs) but whose pixel data is a few bytes only. */
export function pngClaimingSize(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Head of an ELF executable (x86-64), padded with zeros. */
export function elfExecutable(): Buffer {
  const bytes = Buffer.alloc(512);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]).copy(bytes);
  bytes.writeUInt16LE(2, 16); // ET_EXEC
  bytes.writeUInt16LE(0x3e, 18); // x86-64
  return bytes;
}

/** A PE ("MZ") header with "%PDF-" inside the first 1024 bytes: readers that search for it open it. */
export function peWithPdfInside(pdf: Buffer): Buffer {
  const stub = Buffer.alloc(256);
  stub.write('MZ', 0, 'latin1');
  stub.writeUInt32LE(0x80, 0x3c);
  stub.write('PE\0\0', 0x80, 'latin1');
  return Buffer.concat([stub, pdf]);
}

/**
 * A valid one-page PDF with `count` small objects: pdf-lib parses every object, so its parse takes long for its size
 * (40,000 objects: 3 MB, several hundred milliseconds even with a warm parser). For tests of the parse time limit.
 */
export function pdfWithManyObjects(count: number): Buffer {
  const parts = ['%PDF-1.7\n'];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  const add = (body: string) => {
    offsets.push(at);
    const text = `${offsets.length} 0 obj\n${body}\nendobj\n`;
    parts.push(text);
    at += text.length;
  };
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  add('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  for (let i = 4; i <= count; i++) add(`<< /Filler ${i} /Array [1 2 3] >>`);
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(`xref\n0 ${count + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${count + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}

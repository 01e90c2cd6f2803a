// Turns a source file's bytes into text: byte-order marks, strict UTF-8, Windows-1251 detection, or a forced encoding.
// Pure; errors name the line of the first bad byte and say how to force an encoding.
import { isUtf8 } from 'node:buffer';
import { ReconError } from '../core/errors.js';

/**
 * Decoded input. UTF-8 files are validated but not turned into one large string: `utf8` holds their bytes (BOM
 * removed) for the CSV reader; other encodings give `text`.
 */
export type DecodedText =
  | { encoding: 'utf-8'; utf8: Uint8Array; text?: undefined }
  | { encoding: string; text: string; utf8?: undefined };

const ENCODING_HINT =
  'name the encoding with --encoding (utf-8, utf-16le, utf-16be, windows-1251) or "encoding" in the source\'s config entry';

/** Spellings people use for the encodings lists come in. */
const ENCODING_ALIASES: ReadonlyMap<string, string> = new Map([
  ['utf8', 'utf-8'], ['utf-8', 'utf-8'], ['utf8bom', 'utf-8'], ['utf-8-bom', 'utf-8'], ['utf-8-sig', 'utf-8'],
  ['utf8sig', 'utf-8'], ['unicode-1-1-utf-8', 'utf-8'],
  ['utf16le', 'utf-16le'], ['utf-16le', 'utf-16le'], ['utf-16', 'utf-16le'], ['utf16', 'utf-16le'], ['ucs-2', 'utf-16le'],
  ['ucs2', 'utf-16le'], ['unicode', 'utf-16le'],
  ['utf16be', 'utf-16be'], ['utf-16be', 'utf-16be'],
  ['windows-1251', 'windows-1251'], ['windows1251', 'windows-1251'], ['win-1251', 'windows-1251'],
  ['win1251', 'windows-1251'], ['cp1251', 'windows-1251'], ['cp-1251', 'windows-1251'], ['1251', 'windows-1251'],
  ['x-cp1251', 'windows-1251'],
]);

/**
 * The canonical name of an encoding label, or a ReconError('BAD_CONFIG') for a label Node cannot decode.
 * Example: normalizeEncoding('cp1251', 'a.csv') === 'windows-1251'
 */
export function normalizeEncoding(label: string, file: string): string {
  const key = label.trim().toLowerCase().replace(/_/g, '-');
  const known = ENCODING_ALIASES.get(key) ?? ENCODING_ALIASES.get(key.replace(/-/g, ''));
  if (known) return known;
  try {
    return new TextDecoder(key).encoding;
  } catch {
    throw new ReconError('BAD_CONFIG', `unknown encoding "${label}"`, { file, hint: ENCODING_HINT });
  }
}

/** Line (1-based) and byte column of a byte offset; LF, CRLF and lone CR each end a line. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

interface Utf8Scan {
  /** Offset of the first byte that is not part of a valid UTF-8 character, or -1. */
  firstBad: number;
  /** Bytes ≥ 0x80 that belong to valid multi-byte characters. */
  validHigh: number;
  /** Bytes ≥ 0x80 in total. */
  high: number;
}

function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let firstBad = -1;
  let validHigh = 0;
  let high = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    high++;
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    let ok = need > 0 && i + need < n;
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      validHigh += need + 1;
      high += need;
      i += need + 1;
    } else {
      if (firstBad < 0) firstBad = i;
      i++;
    }
  }
  return { firstBad, validHigh, high };
}

/** True when the bytes from `at` to the end are the start of a UTF-8 character cut off by the end of the file. */
function endsMidCharacter(bytes: Uint8Array, at: number): boolean {
  const b = bytes[at];
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  if (need === 0 || bytes.length - at - 1 >= need) return false;
  for (let i = at + 1; i < bytes.length; i++) if ((bytes[i] & 0xc0) !== 0x80) return false;
  return true;
}

/** ENCODING error for a file whose last character is cut off (a truncated copy or download). */
function cutShort(bytes: Uint8Array, at: number, file: string): ReconError {
  const pos = positionOf(bytes, at);
  return new ReconError('ENCODING', `the file ends in the middle of a character (byte ${hex(bytes[at])} on line ${pos.line}): it looks cut short`, {
    file, line: pos.line, hint: 'copy or download the file again; if it is complete, remove the broken last character',
  });
}

/**
 * Offset of the first run of three UTF-8 Cyrillic letters (D0/D1 + continuation byte, e.g. `Обр`), or -1. Read as
 * Windows-1251 such a run is `РћР±СЂ`, which Russian or Kazakh text never has: a line pasted in from a UTF-8 file.
 */
function findUtf8Cyrillic(bytes: Uint8Array): number {
  let run = 0;
  for (let i = 0; i + 1 < bytes.length; ) {
    const b = bytes[i];
    const c = bytes[i + 1];
    if ((b === 0xd0 || b === 0xd1 || b === 0xd2 || b === 0xd3) && (c & 0xc0) === 0x80) {
      run++;
      if (run === 3) return i - 4;
      i += 2;
    } else {
      run = 0;
      i++;
    }
  }
  return -1;
}

/** Share of high bytes that are Windows-1251 Russian letters (А–я, Ё, ё, І, і). */
function cyrillic1251Share(bytes: Uint8Array): number {
  let high = 0;
  let letters = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    high++;
    if (b >= 0xc0 || b === 0xa8 || b === 0xb8 || b === 0xb2 || b === 0xb3) letters++;
  }
  return high === 0 ? 0 : letters / high;
}

/** The bytes of the line holding `offset`, without its line end. */
function lineBytes(bytes: Uint8Array, offset: number): Uint8Array {
  let start = offset;
  while (start > 0 && bytes[start - 1] !== 0x0a && bytes[start - 1] !== 0x0d) start--;
  let end = offset;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
  return bytes.subarray(start, end);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Refuses files that are not text at all, naming the format when it is a known one. */
function checkNotBinary(bytes: Uint8Array, file: string): void {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new ReconError('ENCODING', 'the file is an Excel workbook or another ZIP archive (.xlsx, .ods), not CSV text', {
      file, hint: 'open it in Excel or LibreOffice and save it as "CSV UTF-8 (comma delimited)"',
    });
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ReconError('ENCODING', 'the file is an Excel 97–2003 workbook (.xls), not CSV text', {
      file, hint: 'open it in Excel or LibreOffice and save it as "CSV UTF-8 (comma delimited)"',
    });
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw new ReconError('ENCODING', 'the file is a PDF document, not CSV text', {
      file, hint: 'export the table from the PDF to CSV first',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    let oddNuls = 0;
    let nuls = 0;
    for (let i = 0; i < Math.min(bytes.length, 4096); i++) {
      if (bytes[i] === 0) {
        nuls++;
        if (i % 2 === 1) oddNuls++;
      }
    }
    const utf16 = nuls > 0 && (oddNuls / nuls > 0.9 || oddNuls / nuls < 0.1);
    throw new ReconError('ENCODING', `the file looks binary, not CSV text: it contains NUL bytes (the first on line ${positionOf(bytes, nul).line})`, {
      file,
      line: positionOf(bytes, nul).line,
      hint: utf16
        ? 'if it is UTF-16 text without a byte-order mark, name the encoding: --encoding utf-16le (or utf-16be)'
        : 'save the list as CSV text (UTF-8) and try again',
    });
  }
}

/** The bytes when they are valid UTF-8, else ReconError('ENCODING') at the first bad byte. */
function validUtf8(bytes: Uint8Array, file: string): Uint8Array {
  if (isUtf8(bytes)) return bytes;
  decodeStrict(bytes, 'utf-8', file);
  return bytes;
}

function decodeStrict(bytes: Uint8Array, encoding: string, file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    if (encoding === 'utf-8') {
      const bad = scanUtf8(bytes).firstBad;
      if (bad >= 0 && endsMidCharacter(bytes, bad)) throw cutShort(bytes, bad, file);
      const at = positionOf(bytes, Math.max(0, bad));
      throw new ReconError('ENCODING', `the file is not valid UTF-8: byte ${hex(bytes[Math.max(0, bad)])} on line ${at.line} (byte ${at.column}) is not part of a UTF-8 character`, {
        file, line: at.line, hint: 'files saved by Excel in Russian are often Windows-1251: --encoding windows-1251',
      });
    }
    throw new ReconError('ENCODING', `the file is not valid ${encoding.toUpperCase()} text`, { file, hint: ENCODING_HINT });
  }
}

/**
 * Decodes a source file. Order: forced encoding; byte-order mark (UTF-8, UTF-16 LE/BE); strict UTF-8; Windows-1251
 * when the high bytes are mostly Russian letters; else ReconError('ENCODING') naming the line of the first bad byte.
 * A BOM is removed.
 */
export function decodeBytes(bytes: Uint8Array, file: string, forced?: string): DecodedText {
  const hasUtf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  if (forced !== undefined && forced.trim() !== '') {
    const encoding = normalizeEncoding(forced, file);
    if (!encoding.startsWith('utf-16')) checkNotBinary(hasUtf8Bom ? bytes.subarray(3) : bytes, file);
    if (encoding === 'utf-8') return { encoding, utf8: validUtf8(bytes.subarray(hasUtf8Bom ? 3 : 0), file) };
    const text = decodeStrict(bytes, encoding, file);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
  }
  if (hasUtf8Bom) {
    checkNotBinary(bytes.subarray(3), file);
    return { encoding: 'utf-8', utf8: validUtf8(bytes.subarray(3), file) };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decodeStrict(bytes, 'utf-16le', file), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decodeStrict(bytes, 'utf-16be', file), encoding: 'utf-16be' };
  checkNotBinary(bytes, file);
  if (isUtf8(bytes)) return { encoding: 'utf-8', utf8: bytes };
  const scan = scanUtf8(bytes);
  const at = positionOf(bytes, scan.firstBad);
  const bad = hex(bytes[scan.firstBad]);
  if (scan.validHigh * 2 > scan.high && endsMidCharacter(bytes, scan.firstBad)) throw cutShort(bytes, scan.firstBad, file);
  if (scan.validHigh * 2 > scan.high) {
    const line = lineBytes(bytes, scan.firstBad);
    if (scanUtf8(line).validHigh === 0 && cyrillic1251Share(line) >= 0.7) {
      const asRead = new TextDecoder('windows-1251').decode(line.subarray(0, 60));
      throw new ReconError('ENCODING', `mixed encodings: the file is UTF-8 but line ${at.line} is not (read as Windows-1251 it says "${asRead}${line.length > 60 ? '…' : ''}")`, {
        file, line: at.line, hint: 'save the whole file in one encoding, preferably UTF-8 (in Excel: "CSV UTF-8")',
      });
    }
    throw new ReconError('ENCODING', `the file is UTF-8 but has an invalid byte (${bad}) on line ${at.line} (byte ${at.column})`, {
      file, line: at.line, hint: `fix or remove the damaged character on line ${at.line}, or ${ENCODING_HINT}`,
    });
  }
  if (cyrillic1251Share(bytes) >= 0.7) {
    const utf8Run = findUtf8Cyrillic(bytes);
    if (utf8Run >= 0) {
      const pos = positionOf(bytes, utf8Run);
      const end = Math.min(bytes.length, utf8Run + 24);
      const asRead = new TextDecoder('windows-1251').decode(bytes.subarray(utf8Run, end)).split(/[\r\n]/)[0];
      throw new ReconError('ENCODING', `mixed encodings: the file is Windows-1251 but line ${pos.line} is written in UTF-8 (it would read "${asRead}…")`, {
        file, line: pos.line, hint: 'save the whole file in one encoding, preferably UTF-8 (in Excel: "CSV UTF-8")',
      });
    }
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
  throw new ReconError('ENCODING', `unknown text encoding: the file is not UTF-8 (byte ${bad} on line ${at.line}) and does not look like Windows-1251 Cyrillic`, {
    file, line: at.line, hint: ENCODING_HINT,
  });
}

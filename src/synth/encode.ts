// CSV text and byte encodings for synthetic sources: RFC 4180 quoting with any delimiter, and encoders for UTF-8
// (with or without BOM), UTF-16LE with BOM and Windows-1251 (table built from TextDecoder; unmappable → `?`).
import type { Encoding } from './profiles.js';

/** Formats one CSV row: fields with the delimiter, a quote, CR or LF are quoted and quotes doubled. */
export function formatCsvRow(cells: readonly string[], delimiter: string, newline = '\n'): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (i > 0) out += delimiter;
    if (c.includes(delimiter) || c.includes('"') || c.includes('\n') || c.includes('\r')) {
      out += '"' + c.replace(/"/g, '""') + '"';
    } else out += c;
  }
  return out + newline;
}

let cp1251Table: Uint8Array | undefined;

/** UTF-16 code unit → Windows-1251 byte (0 = not representable), built once from the platform's decoder. */
function cp1251(): Uint8Array {
  if (cp1251Table) return cp1251Table;
  const table = new Uint8Array(65536);
  for (let b = 0; b < 0x80; b++) table[b] = b;
  const decoder = new TextDecoder('windows-1251');
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (ch.length === 1 && ch !== '\ufffd') table[ch.charCodeAt(0)] = b;
  }
  cp1251Table = table;
  return table;
}

/** Byte-order mark written at the start of a file in this encoding (empty for none). */
export function byteOrderMark(encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf]);
  if (encoding === 'utf-16le') return new Uint8Array([0xff, 0xfe]);
  return new Uint8Array(0);
}

/**
 * Encodes text (without BOM). Windows-1251 cannot hold Kazakh letters: they become `?`, as in real exports.
 * @example encodeText('Ахметов', 'windows-1251') // Uint8Array [0xc0, 0xf5, ...]
 */
export function encodeText(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'windows-1251') {
    const table = cp1251();
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const b = table[code];
      out[i] = b !== 0 || code === 0 ? b : 0x3f;
    }
    return out;
  }
  return Buffer.from(text, 'utf8');
}

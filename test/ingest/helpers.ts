// Test helpers: byte encoders for the encodings lists come in, and a one-call ingest of CSV text.
import { ingestSource, type IngestLimits, type SourceSpec } from '../../src/ingest/index.js';
import type { IngestedSource } from '../../src/core/types.js';

const CP1251: Map<string, number> = (() => {
  const map = new Map<string, number>();
  const decoder = new TextDecoder('windows-1251');
  for (let b = 0x80; b <= 0xff; b++) map.set(decoder.decode(new Uint8Array([b])), b);
  return map;
})();

/** Encodes text as Windows-1251 (throws on a character the code page lacks). */
export function encodeCp1251(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const b = CP1251.get(ch);
      if (b === undefined) throw new Error(`no windows-1251 byte for ${ch}`);
      out.push(b);
    }
  }
  return Uint8Array.from(out);
}

export function encodeUtf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = u >> 8;
  }
  return out;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Ingests CSV text (UTF-8 unless bytes are given) as source `s` from `s.csv`. */
export function ingestText(text: string | Uint8Array, spec: Partial<SourceSpec> = {}, limits?: IngestLimits): IngestedSource {
  const bytes = typeof text === 'string' ? utf8(text) : text;
  return ingestSource({ name: 's', path: 's.csv', ...spec }, bytes, limits);
}

/** Runs `fn` and returns the ReconError it throws (fails the test when it does not throw). */
export function catchError(fn: () => unknown): { code: string; message: string; line?: number; hint?: string; file?: string; format(): string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string; line?: number; hint?: string; file?: string; format(): string };
  }
  throw new Error('expected an error');
}

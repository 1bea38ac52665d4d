import { crc32 } from 'node:zlib';

// A line is itself JSON, `{"crc32":"<8 hex>","entry":<entry>}`, so `jq` reads the file; the checksum covers
// the entry's exact bytes as written, which sit between a fixed-length prefix and the final `}`.
const prefixPattern = /^\{"crc32":"([0-9a-f]{8})","entry":/;
const prefixLength = '{"crc32":"00000000","entry":'.length;

function checksum(text: string): string {
  return crc32(text).toString(16).padStart(8, '0');
}

/** One state-file line for `entry`, newline included. */
export function encodeLine(entry: object): string {
  const json = JSON.stringify(entry);
  return `{"crc32":"${checksum(json)}","entry":${json}}\n`;
}

export type DecodedLine = { ok: true; entry: unknown } | { ok: false; problem: string };

/** The entry a line holds, once its checksum and JSON are verified. */
export function decodeLine(line: string): DecodedLine {
  const prefix = prefixPattern.exec(line);
  if (!prefix || !line.endsWith('}')) return { ok: false, problem: 'not a checksummed state line' };
  const json = line.slice(prefixLength, -1);
  const actual = checksum(json);
  if (actual !== prefix[1]) {
    return { ok: false, problem: `checksum mismatch (line says ${prefix[1]}, content hashes to ${actual})` };
  }
  try {
    return { ok: true, entry: JSON.parse(json) };
  } catch {
    return { ok: false, problem: 'the checksum matches but the entry is not JSON' };
  }
}

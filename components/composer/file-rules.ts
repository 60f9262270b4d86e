// Which files the composer takes: the `accept`, `max-file-size` and `max-files` attributes.
import type { FileCheck } from '../shared/attachment-draft.js';

/** Chatwoot's limit for web-widget inboxes (40 MB) and its per-message attachment limit. */
const DEFAULT_MAX_FILE_SIZE = 40_000_000;
export const DEFAULT_MAX_FILES = 15;

const UNITS: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

/**
 * Bytes from a number or a size like `10MB`, `500 kB`, `1.5GB` (decimal units, as sizes are shown).
 * Anything else gives the default, 40 MB.
 */
export function parseFileSize(value: string | number | null | undefined): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$/i.exec(String(value));
  const bytes = typeof value === 'number' ? value : match ? Math.round(Number(match[1]) * UNITS[match[2].toLowerCase()]) : 0;
  return bytes > 0 && bytes < Infinity ? bytes : DEFAULT_MAX_FILE_SIZE;
}

/** Whether `file` matches an `accept` list as `<input type=file>` reads it: `.ext`, `type/*`, `type/sub`. */
export function matchesAccept(file: File, accept: string): boolean {
  const tokens = accept.split(',').map((token) => token.trim().toLowerCase()).filter(Boolean);
  if (tokens.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return tokens.some((token) => {
    if (token.startsWith('.')) return name.endsWith(token);
    if (token.endsWith('/*')) return type.startsWith(token.slice(0, -1));
    return type === token;
  });
}

/** The rules as the composer's attributes give them, read at each check. */
export interface FileRules {
  readonly accept: string;
  readonly maxFileSize: string | number;
  readonly maxFiles: number;
}

/** The draft's check for these rules: the wrong type, too large, or one file too many. */
export function fileCheck(rules: FileRules): FileCheck {
  return (file, held) => {
    const { accept, maxFiles } = rules;
    const maxFileSize = parseFileSize(rules.maxFileSize);
    const { name } = file;
    if (!matchesAccept(file, accept)) return { name, reason: 'type' };
    if (file.size > maxFileSize) return { name, reason: 'size', limit: maxFileSize };
    return held < maxFiles ? undefined : { name, reason: 'count', limit: maxFiles };
  };
}

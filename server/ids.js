// Ids and tokens: a seeded PRNG makes every token, UUID and generated name reproducible.
import { randomInt } from 'node:crypto';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ADJECTIVES = [
  'autumn', 'hidden', 'bitter', 'misty', 'silent', 'empty', 'dry', 'dark', 'summer', 'icy', 'delicate', 'quiet',
  'white', 'cool', 'spring', 'winter', 'patient', 'twilight', 'dawn', 'crimson', 'wispy', 'weathered', 'blue',
  'billowing', 'broken', 'cold', 'damp', 'falling', 'frosty', 'green', 'long', 'late', 'lingering', 'bold',
  'little', 'morning', 'muddy', 'old', 'red', 'rough', 'still', 'small', 'sparkling', 'shy', 'wandering',
  'withered', 'wild', 'black', 'young', 'holy', 'solitary', 'fragrant', 'aged', 'snowy', 'proud', 'floral',
  'restless', 'divine', 'polished', 'ancient', 'purple', 'lively', 'nameless',
];
const NOUNS = [
  'waterfall', 'river', 'breeze', 'moon', 'rain', 'wind', 'sea', 'morning', 'snow', 'lake', 'sunset', 'pine',
  'shadow', 'leaf', 'dawn', 'glitter', 'forest', 'hill', 'cloud', 'meadow', 'sun', 'glade', 'bird', 'brook',
  'butterfly', 'bush', 'dew', 'dust', 'field', 'fire', 'flower', 'firefly', 'feather', 'grass', 'haze',
  'mountain', 'night', 'pond', 'darkness', 'snowflake', 'silence', 'sound', 'sky', 'shape', 'surf', 'thunder',
  'violet', 'water', 'wildflower', 'wave', 'resonance', 'wood', 'dream', 'cherry', 'tree', 'fog', 'frost',
  'voice', 'paper', 'frog', 'smoke', 'star',
];

/**
 * Turns any seed (number or string) into a 32-bit PRNG state (FNV-1a over its text).
 * @param {string | number} seed
 */
export function seedState(seed) {
  let hash = 0x811c9dc5;
  for (const character of String(seed)) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Id and token source. With a seed every value is reproducible (mulberry32); without one it uses crypto.
 * `state` is exposed so a saved store can continue the same sequence after a restart.
 * @param {string | number | undefined} seed
 */
export function createIds(seed) {
  const seeded = seed !== undefined && seed !== null;
  const ids = {
    state: seeded ? seedState(seed) : 0,
    /** @returns {number} in [0, 1) */
    random() {
      if (!seeded) return randomInt(0, 2 ** 32) / 2 ** 32;
      ids.state = (ids.state + 0x6d2b79f5) >>> 0;
      let value = ids.state;
      value = Math.imul(value ^ (value >>> 15), value | 1);
      value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
      return ((value ^ (value >>> 14)) >>> 0) / 2 ** 32;
    },
    /** @param {number} below */
    integer(below) {
      return Math.floor(ids.random() * below);
    },
    /** Rails `has_secure_token`: 24 base58 characters. */
    token(length = 24) {
      let text = '';
      for (let index = 0; index < length; index++) text += BASE58[ids.integer(BASE58.length)];
      return text;
    },
    uuid() {
      const bytes = Array.from({ length: 16 }, () => ids.integer(256));
      bytes[6] = (bytes[6] & 0x0f) | 0x40;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    /** Haikunator-style contact name: adjective-noun-NNN. */
    name() {
      return `${ADJECTIVES[ids.integer(ADJECTIVES.length)]}-${NOUNS[ids.integer(NOUNS.length)]}-${ids.integer(1000)}`;
    },
  };
  return ids;
}

/** @typedef {ReturnType<typeof createIds>} Ids */

// crc-32 ships types for its CRC-32 entry only; its CRC-32C entry has the same API.
declare module 'crc-32/crc32c' {
  const crc32c: {
    /** CRC-32C of the bytes, as a signed 32-bit integer. */
    buf(data: Uint8Array, seed?: number): number;
  };
  export default crc32c;
}

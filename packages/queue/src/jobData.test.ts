import { describe, expect, it } from 'vitest';
import { decodeResult, encodeResult } from './jobData.js';
import { parseRedisUrl, redactUrl } from './redisUrl.js';

describe('encodeResult / decodeResult', () => {
  it('keeps NaN and infinities that plain JSON would turn into null', () => {
    const result = {
      steps: [
        {
          lambda: 0,
          selected: [true, false],
          nSelected: 1,
          loss: 0.5,
          valLoss: Number.NaN,
          objective: Number.POSITIVE_INFINITY,
          valObjective: Number.NEGATIVE_INFINITY,
          regularization: 1e-30,
          epochs: 3,
        },
      ],
      scores: [Number.NaN, 0.25],
    };
    const text = encodeResult(result);
    expect(JSON.parse(text).scores[0]).toEqual({ $nonFinite: 'NaN' });
    expect(decodeResult(text)).toEqual(result);
  });
});

describe('Redis URLs', () => {
  it('accepts redis:// and rediss:// and hides passwords', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379/2').port).toBe('6379');
    expect(parseRedisUrl('rediss://user:pw@example.org').protocol).toBe('rediss:');
    expect(redactUrl('redis://:s3cret@host:1')).toBe('redis://:***@host:1');
    expect(redactUrl('rediss://me:s3cret@host:1/0')).toBe('rediss://me:***@host:1/0');
    expect(redactUrl('redis://host:1')).toBe('redis://host:1');
  });

  it('names what is wrong with a bad URL', () => {
    expect(() => parseRedisUrl('localhost:6379')).toThrow(
      "Invalid Redis URL 'localhost:6379': the scheme must be redis:// or rediss:// (TLS), not localhost://.",
    );
    expect(() => parseRedisUrl('not a url')).toThrow(
      "Invalid Redis URL 'not a url': expected redis://[user:password@]host[:port][/db] or rediss://… for TLS.",
    );
    expect(() => parseRedisUrl('https://:pw@host')).toThrow(/'https:\/\/:\*\*\*@host'/);
  });
});

// A small seeded PRNG, so randomised tests reproduce from their seed.
export { mulberry32 } from '../../src/lib/random.ts';

// Where cosine_decay_restarts' float32 restart index reaches i (t_mul > 1), for events.
//
// TensorFlow's restart index is floor(f(f(log(y)) / logT)) with y = f(1 - f(cf · (1 - t_mul)))
// (tf.ts). Every stage is non-decreasing in the one before (y in the step, log in y, the division
// in log y), so the index reaches i exactly where y reaches a threshold: the smallest float32 y
// whose index is >= i. We find it by inverting the stages in float32 (a division or two and an
// exponential, no log), and then the first step with y(s) at the threshold takes only y(s), which
// is cheap. Solving the index in closed form instead leaves its two float32 roundings out: at
// 10,000 restarts each moves a restart by ~5 steps, and every step tried then costs a log.

/**
 * The float32 next to x (a positive normal float32, or 0 downwards) upwards (dir 1) or
 * downwards (dir -1). x · (1 ± k·2^-25) is exact in float64 and lies between a half and one and
 * a half float32 spacings from x on that side (the spacing below a power of two is half the one
 * above it: exactly one spacing then), so fround lands on the neighbour.
 */
function adjacent32(x: number, dir: 1 | -1): number {
  return Math.fround(dir > 0 ? x * (1 + 3 * 2 ** -25) : x * (1 - 2 ** -24));
}

/** 2^-40: further than the errors of e^m (RestartThresholds) and of Math.log (2^-52 relative) can reach. */
const MARGIN = 2 ** -40;

/**
 * Thresholds for periods i >= 1 (t_mul = T > 1, logT = f(log T) > 0): every float32 y has
 * floor(f(f(Math.log(y)) / logT)) >= i exactly when y >= at(i). Cheapest for i, i + 1, … in
 * turn (events walk the periods so): the e^m below is then T^i · e^(m - i ln T), with T^i from
 * T^(i-1) by one multiplication (computed anew with Math.exp every 1024, which bounds its
 * relative error by 1024 roundings plus exp's: under 1.5e-13) and m - i ln T within 1e-4 (a
 * short series), in place of a Math.exp per period.
 */
export class RestartThresholds {
  private readonly lnT: number;
  private last = NaN; // tPow = T^last within 1.5e-13, after `chain` multiplications
  private tPow = NaN;
  private chain = 0;

  constructor(private readonly T: number, private readonly logT: number) {
    this.lnT = Math.log(T);
  }

  at(i: number): number {
    const l = logThreshold(i, this.logT);
    // f(Math.log(y)) >= l: Math.log(y) past the midpoint m between l and the float32 below it
    // (m is exact in float64), i.e. y >= e^m, when no float32 is so close to e^m that the errors
    // of e^m here and of Math.log could swap their order; the float32 nearest to e^m is the closest.
    const m = (adjacent32(l, -1) + l) / 2;
    const e = this.expNear(m, i);
    const nearest = Math.fround(e);
    if (Math.abs(nearest - e) > e * MARGIN) return e;
    // Otherwise (about one threshold in 10^5) the smallest float32 that Math.log itself puts there.
    let y = nearest;
    if (Math.fround(Math.log(y)) >= l) {
      for (let below = adjacent32(y, -1); Math.fround(Math.log(below)) >= l; below = adjacent32(y, -1)) y = below;
      return y;
    }
    do y = adjacent32(y, 1); while (!(Math.fround(Math.log(y)) >= l));
    return y;
  }

  /** e^m within 1.5e-13 (relative), m being close to i · ln T. */
  private expNear(m: number, i: number): number {
    if (i === this.last + 1 && this.chain < 1024) {
      this.tPow *= this.T;
      this.chain++;
    } else {
      this.tPow = Math.exp(i * this.lnT);
      this.chain = 0;
    }
    this.last = i;
    const d = m - i * this.lnT;
    if (!(Math.abs(d) < 1e-4) || !(this.tPow > 0 && this.tPow < Infinity)) return Math.exp(m);
    // e^d through d^3 / 6: what is left is under 1e-17.
    return this.tPow * (1 + d * (1 + d * (0.5 + d / 6)));
  }
}

/** The smallest float32 l with f(l / logT) >= i (floor of it >= i): about i · logT. */
function logThreshold(i: number, logT: number): number {
  let l = Math.fround(i * logT);
  if (Math.fround(l / logT) >= i) {
    for (let below = adjacent32(l, -1); Math.fround(below / logT) >= i; below = adjacent32(l, -1)) l = below;
    return l;
  }
  do l = adjacent32(l, 1); while (!(Math.fround(l / logT) >= i));
  return l;
}

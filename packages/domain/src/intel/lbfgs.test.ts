import { describe, expect, it } from "vitest";
import { minimiseLbfgs } from "./lbfgs.ts";

describe("minimiseLbfgs", () => {
  it("finds the minimum of a separable quadratic", () => {
    const r = minimiseLbfgs(
      (x, g) => {
        let f = 0;
        x.forEach((v, i) => {
          f += (i + 1) * (v - i) ** 2;
          g[i] = 2 * (i + 1) * (v - i);
        });
        return f;
      },
      new Float64Array(5),
      { maxIterations: 100 },
    );
    expect([...r.x].map((v) => Number(v.toFixed(4)))).toEqual([0, 1, 2, 3, 4]);
    expect(r.converged).toBe(true);
  });

  it("solves the Rosenbrock valley", () => {
    const r = minimiseLbfgs(
      (x, g) => {
        const [a, b] = [x[0] as number, x[1] as number];
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      Float64Array.from([-1.2, 1]),
      { maxIterations: 500, relativeTolerance: 0 },
    );
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });
});
